using ScaleSweep.Client.Commands;
using ScaleSweep.Numerics.Theory;
using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>The readable report of `scalesweep theory`.</summary>
internal static class TheoryTable
{
    /// <summary>Writes to <paramref name="writer"/>, laid out for the width of <paramref name="console"/> (over the same writer).</summary>
    public static void Write(TextWriter writer, IAnsiConsole console, TheoryResult result)
    {
        int width = console.Profile.Width;
        TextWrap.Write(
            writer,
            $"theory: alpha={NumberFormat.Parameter(result.Alpha)} beta={NumberFormat.Parameter(result.Beta)}: "
            + $"{PhaseName(result.Phase)} task ({PhaseRule(result)})",
            width);

        // Headers without spaces around "=": the widest row label and both columns then fit 80 columns.
        var table = new TextTable().AddColumn("exponent", right: false).AddColumn("lazy (gamma=0)").AddColumn("rich (gamma>0)");
        AddRow(table, "time: L ~ t^-chi", result.ChiLazy, result.ChiRich);
        AddRow(table, "compute-optimal: L ~ C^-r, C = N t", result.ComputeOptimalLazy, result.ComputeOptimalRich);
        AddRow(table, "floor (paper eq.12): N^-(alpha min(2,beta))", result.ModelBottleneckExponent, result.ModelBottleneckExponent);
        AddRow(table, "floor (corrected): N^-(alpha min(1,beta))", result.ModelFloorCorrectedExponent, result.ModelFloorCorrectedExponent);
        table.Write(writer, width);
        TextWrap.Write(writer, FloorNote.For(result.Alpha, result.Beta) + " Exact floor over N: theory --floor.", width);
        writer.WriteLine();

        string limit = result.Beta < 1
            ? $"limit 2 beta/(1+beta) = {NumberFormat.Value(2 * result.Beta / (1 + result.Beta))}"
            : "meaningful only for beta < 1; here the rich exponent stays beta";
        TextWrap.Write(writer, $"approximation levels chi_0..chi_{result.Levels.Count - 1} (eq. 62; {limit}):", width);
        TextWrap.Write(writer, "  " + string.Join(", ", result.Levels.Select(NumberFormat.Value)), width, indent: 0);
    }

    /// <summary>"hard", "easy" or "super-easy", as in the JSON.</summary>
    public static string PhaseName(TaskPhase phase) => phase switch
    {
        TaskPhase.Hard => "hard",
        TaskPhase.Easy => "easy",
        _ => "super-easy",
    };

    private static string PhaseRule(TheoryResult result)
    {
        string bound = NumberFormat.Value(2 - 1 / result.Alpha);
        return result.Phase switch
        {
            TaskPhase.Hard => "beta < 1",
            TaskPhase.Easy => $"1 <= beta < 2 - 1/alpha = {bound}",
            _ => $"beta >= 2 - 1/alpha = {bound}",
        };
    }

    private static void AddRow(TextTable table, string name, double lazy, double rich) =>
        table.AddRow(name, NumberFormat.Value(lazy), NumberFormat.Value(rich));
}

using ScaleSweep.Client.Commands;
using ScaleSweep.Numerics.Theory;
using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>The readable report of `scalesweep theory`.</summary>
internal static class TheoryTable
{
    public static void Write(TextWriter writer, IAnsiConsole console, TheoryResult result)
    {
        writer.WriteLine(
            $"theory: alpha={NumberFormat.Parameter(result.Alpha)} beta={NumberFormat.Parameter(result.Beta)}: "
            + $"{PhaseName(result.Phase)} task ({PhaseRule(result)})");

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("exponent");
        table.AddColumn(new TableColumn("lazy (gamma = 0)").RightAligned());
        table.AddColumn(new TableColumn("rich (gamma > 0)").RightAligned());
        AddRow(table, "time: L ~ t^-chi", result.ChiLazy, result.ChiRich);
        AddRow(table, "compute-optimal: L ~ C^-r, C = N t", result.ComputeOptimalLazy, result.ComputeOptimalRich);
        AddRow(table, "model bottleneck: L ~ N^-(alpha min(2,beta))", result.ModelBottleneckExponent, result.ModelBottleneckExponent);
        console.Write(table);

        string limit = result.Beta < 1
            ? $"they converge to 2 beta/(1+beta) = {NumberFormat.Value(2 * result.Beta / (1 + result.Beta))}"
            : "meaningful only for beta < 1; here the rich exponent stays beta";
        writer.WriteLine($"approximation levels chi_0..chi_{result.Levels.Count - 1} (eq. 62; {limit}):");
        writer.WriteLine("  " + string.Join(", ", result.Levels.Select(NumberFormat.Value)));
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

    private static void AddRow(Table table, string name, double lazy, double rich) =>
        table.AddRow(new Text(name), new Text(NumberFormat.Value(lazy)), new Text(NumberFormat.Value(rich)));
}

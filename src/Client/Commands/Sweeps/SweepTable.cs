using System.Globalization;
using ScaleSweep.Client.Output;
using ScaleSweep.Sweeps.Coordination;
using Spectre.Console;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>The table of sweeps printed by list and status.</summary>
/// <remarks>
/// The spec's name is not a column: the id starts with it. The run counts share one column, the ones that
/// are 0 left out, so a row of a typical sweep fits 80 columns.
/// </remarks>
internal static class SweepTable
{
    /// <summary>Writes the table to the writer under <paramref name="console"/>, laid out for its width.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<SweepStatus> sweeps)
    {
        TextWriter writer = console.Profile.Out.Writer;
        if (sweeps.Count == 0)
        {
            writer.WriteLine("no sweeps yet");
            return;
        }

        var table = new TextTable()
            .AddColumn("id", right: false)
            .AddColumn("state", right: false)
            .AddColumn("runs", right: false)
            .AddColumn("created (UTC)", right: false);
        foreach (SweepStatus s in sweeps)
        {
            table.AddRow(
                s.Id,
                s.State.ToString().ToLowerInvariant(),
                Runs(s),
                s.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        table.Write(writer, console.Profile.Width);
    }

    /// <summary>"30/32 done (1 diverged, 1 failed), 2 running": finished of all, then what is not 0.</summary>
    private static string Runs(SweepStatus s)
    {
        var within = new List<string>(3);
        AddCount(within, s.Runs.Diverged, "diverged");
        AddCount(within, s.Runs.Failed, "failed");
        AddCount(within, s.Runs.Cancelled, "cancelled");
        string text = $"{Count(s.Runs.Finished)}/{Count(s.Runs.Total)} done";
        if (within.Count > 0)
        {
            text += $" ({string.Join(", ", within)})";
        }

        return s.Runs.Running > 0 ? $"{text}, {Count(s.Runs.Running)} running" : text;
    }

    private static void AddCount(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{Count(count)} {what}");
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

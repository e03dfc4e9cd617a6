using System.Globalization;
using ScaleSweep.Sweeps.Coordination;
using Spectre.Console;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>The table of sweeps printed by list and status.</summary>
internal static class SweepTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SweepStatus> sweeps)
    {
        if (sweeps.Count == 0)
        {
            console.WriteLine("no sweeps yet");
            return;
        }

        var table = new Table().AddColumns("id", "name", "state", "runs", "done", "running", "diverged", "failed", "created (UTC)");
        foreach (SweepStatus s in sweeps)
        {
            table.AddRow(
                Markup.Escape(s.Id),
                Markup.Escape(s.Name),
                s.State.ToString().ToLowerInvariant(),
                s.Runs.Total.ToString(CultureInfo.InvariantCulture),
                s.Runs.Finished.ToString(CultureInfo.InvariantCulture),
                s.Runs.Running.ToString(CultureInfo.InvariantCulture),
                s.Runs.Diverged.ToString(CultureInfo.InvariantCulture),
                s.Runs.Failed.ToString(CultureInfo.InvariantCulture),
                s.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}

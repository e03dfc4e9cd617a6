using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>What run prints and writes once a sweep stops running: the tables, and the report folder.</summary>
internal static class ReportOutput
{
    public static async Task<int> FinishAsync(CliEnvironment environment, string name, ISweepGrain sweep, SweepStatus status, string directory)
    {
        if (status.State != SweepState.Completed)
        {
            environment.Error.WriteLine($"{name}: sweep {status.Id} is {status.State.ToString().ToLowerInvariant()}{(status.Error is null ? "" : ": " + status.Error)}.");
            return ExitCodes.SweepNotCompleted;
        }

        SweepReport report = await Cluster.ClusterCalls.RetryAsync(
            () => GetReport(sweep, status.Id), line => environment.Error.WriteLine($"{name}: {line}"), CancellationToken.None).ConfigureAwait(false);
        ReportTables.Write(environment.Out, ConsoleFactory.ForOut(environment), report);
        IReadOnlyList<string> files = Write(report, directory);
        environment.Error.WriteLine($"{name}: wrote {files.Count} files to {Path.GetFullPath(directory)}");
        return report.Runs.Completed > 0 ? ExitCodes.Success : ExitCodes.NoResult;
    }

    /// <summary>
    /// Writes the report folder; a folder that cannot be written is a bad --out (exit 2), not an internal
    /// error: the report stays stored, and the same command with another --out writes it.
    /// </summary>
    public static IReadOnlyList<string> Write(SweepReport report, string directory)
    {
        try
        {
            return ReportWriter.Write(report, directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write the report to '{directory}': {e.Message}");
        }
    }

    /// <summary>The stored report of a completed sweep.</summary>
    public static async Task<SweepReport> GetReport(ISweepGrain sweep, string id) =>
        await sweep.GetReport().ConfigureAwait(false)
        ?? throw new InvalidOperationException($"sweep {id} is completed but has no stored report");
}

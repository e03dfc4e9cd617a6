using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Abstractions.Reports;
using ScaleSweep.Grains.Abstractions.Sweeps;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>What run prints and writes once a sweep stops running. STUB until the report rendering lands.</summary>
internal static class ReportOutput
{
    public static async Task<int> FinishAsync(CliEnvironment environment, string name, ISweepGrain sweep, SweepStatus status, string directory)
    {
        if (status.State != SweepState.Completed)
        {
            environment.Error.WriteLine($"{name}: sweep {status.Id} is {status.State.ToString().ToLowerInvariant()}{(status.Error is null ? "" : ": " + status.Error)}.");
            return ExitCodes.SweepNotCompleted;
        }

        SweepReport? report = await sweep.GetReport().ConfigureAwait(false);
        environment.Out.WriteLine($"{report?.Id} groups={report?.Groups.Length} dir={directory}");
        return ExitCodes.Success;
    }
}

using ScaleSweep.Client.Cluster;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// What `run` and `resume` do once the sweep is dispatched: follow it to its end, then print and write its
/// report. Ctrl+C stops the following and says how the sweep goes on, which depends on where it runs.
/// </summary>
internal static class SweepToEnd
{
    public static async Task<int> FollowAndWriteAsync(
        CliEnvironment environment, string name, IClusterSession session, ISweepGrain sweep, SweepStatus status, string directory, CancellationToken cancellationToken)
    {
        var timings = new FollowTimings();
        try
        {
            status = await SweepFollower.FollowAsync(sweep, environment, name, timings, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine(session.IsEmbedded
                ? $"{name}: interrupted; the runs are checkpointed as the embedded silo stops. Run the same command again to resume sweep {status.Id}."
                : $"{name}: stopped following; sweep {status.Id} goes on in the cluster (scalesweep status {status.Id}).");
            throw;
        }

        if (status.State == SweepState.Completed)
        {
            environment.Error.WriteLine($"{name}: {timings.Summary(status)}");
        }

        return await ReportOutput.FinishAsync(environment, name, sweep, status, directory).ConfigureAwait(false);
    }
}

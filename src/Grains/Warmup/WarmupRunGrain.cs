using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Results;
using ScaleSweep.Grains.Runs;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Warmup;

/// <summary>
/// A scratch run of the cluster warm-up (see <see cref="IWarmupRunGrain"/>). Placed as run grains are, it
/// answers its request at once, queues its job on the silo's worker pool as a run does, writes its row through the results table's
/// batch writer into the round's scratch partition (as running, so no silo remembers it as a stored result),
/// tells its group, and deactivates: the steps of a run's life whose code a fresh silo would otherwise
/// compile in its first sweep.
/// </summary>
[LeastBusyPlacement]
internal sealed class WarmupRunGrain(RunResultTable rows, WorkerPool pool, ISimulationFactory simulations, ILogger<WarmupRunGrain> logger) : Grain, IWarmupRunGrain
{
    private Task? _work;

    public Task<RunProgress> Request(SimulationConfig config, string subscriber, double? checkpointSeconds, bool storedAbsent = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        string key = config.Fingerprint();
        var queued = new RunProgress(key, RunStatus.Queued, 0, config.Steps, null, null, 0, null);
        _work ??= RunAsync(config, key, GrainFactory.GetGrain<IWarmupGroupGrain>(subscriber));
        return Task.FromResult(queued);
    }

    private async Task RunAsync(SimulationConfig config, string key, IWarmupGroupGrain group)
    {
        (RunProgress final, LossCurve? curve) = await ComputeAndStore(config, key, group);
        await group.OnRunFinished(final, curve);
        DeactivateOnIdle();
    }

    private async Task<(RunProgress Final, LossCurve? Curve)> ComputeAndStore(SimulationConfig config, string key, IWarmupGroupGrain group)
    {
        try
        {
            await group.OnRunStarted(new RunProgress(key, RunStatus.Running, 0, config.Steps, null, null, 0, null));
            // A run's job on the silo's worker pool, as a run grain queues it (no checkpoint within its few steps).
            RunJobOutcome outcome = await pool.Enqueue(new RunJob(key, config, null, TimeSpan.FromHours(1), simulations)).Outcome;
            if (outcome.Error is { } error)
            {
                return Failed(config, key, error);
            }

            // Stored as running whatever the outcome: a final row would be remembered as a stored result.
            var state = new RunGrainState
            {
                Status = RunStatus.Running,
                Step = outcome.Step,
                DivergedAtStep = outcome.DivergedAtStep,
                Executions = 1,
                Curve = outcome.Curve is { } computed ? StoredLossCurve.From(computed) : null,
                Subscribers = [group.GetPrimaryKeyString()],
            };
            await rows.WriteAsync(WarmupKeys.PartitionOf(this.GetPrimaryKeyString()), key, state, etag: null);
            return (new RunProgress(key, RunStatus.Completed, outcome.Step, config.Steps, outcome.DivergedAtStep, null, outcome.ComputeSeconds, null), outcome.Curve);
        }
        catch (Exception e)
        {
            return Failed(config, key, e);
        }
    }

    // The warm-up is best effort: its group still hears of the run, as failed; the cause is logged at debug level.
    private (RunProgress Final, LossCurve? Curve) Failed(SimulationConfig config, string key, Exception error)
    {
        logger.LogDebug(error, "Warm-up run {Key} failed", key);
        return (new RunProgress(key, RunStatus.Failed, 0, config.Steps, null, error.Message, 0, null), null);
    }
}

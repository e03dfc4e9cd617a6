using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// One simulation handed to the worker pool, shared between the run grain that owns it and the worker
/// thread that advances it. The grain only reads it (on its timer) and cancels it; the worker only
/// writes it. Nothing here calls back into the grain, so a worker never touches grain state.
/// </summary>
public sealed class RunJob : IWorkerJob
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<RunJobOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RunJobCheckpoint? _pendingCheckpoint;
    private long _step;
    private int _phase;

    internal RunJob(string key, SimulationConfig config, RunJobCheckpoint? resumeFrom, TimeSpan checkpointInterval)
    {
        Key = key;
        Config = config;
        ResumeFrom = resumeFrom;
        CheckpointInterval = checkpointInterval;
        _step = resumeFrom?.Step ?? 0;
    }

    /// <summary>The run key.</summary>
    public string Key { get; }

    public SimulationConfig Config { get; }

    /// <summary>The checkpoint the job continues from; null starts at step 0.</summary>
    public RunJobCheckpoint? ResumeFrom { get; }

    /// <summary>Compute time between two checkpoints.</summary>
    public TimeSpan CheckpointInterval { get; }

    /// <summary>The last step the worker finished.</summary>
    public long Step => Interlocked.Read(ref _step);

    public RunJobPhase Phase => (RunJobPhase)Volatile.Read(ref _phase);

    /// <summary>Completes when the job ends for any reason; never faults.</summary>
    public Task<RunJobOutcome> Outcome => _outcome.Task;

    /// <summary>True once <see cref="Stop"/> was called.</summary>
    public bool IsStopRequested => _stop.IsCancellationRequested;

    internal CancellationToken StopToken => _stop.Token;

    /// <summary>
    /// Asks the worker to stop after the current step. It then takes a final snapshot, so the run can
    /// continue from exactly there.
    /// </summary>
    public void Stop() => _stop.Cancel();

    /// <summary>Takes the newest checkpoint the worker offered, if any, so it is stored once.</summary>
    public RunJobCheckpoint? TakeCheckpoint() => Interlocked.Exchange(ref _pendingCheckpoint, null);

    internal void SetPhase(RunJobPhase phase) => Volatile.Write(ref _phase, (int)phase);

    internal void SetStep(long step) => Interlocked.Exchange(ref _step, step);

    // A newer checkpoint replaces one the grain has not stored yet: only the newest matters.
    internal void OfferCheckpoint(RunJobCheckpoint checkpoint) => Interlocked.Exchange(ref _pendingCheckpoint, checkpoint);

    /// <summary>Puts back a checkpoint the grain could not store, unless the worker offered a newer one meanwhile.</summary>
    public void OfferCheckpointIfNone(RunJobCheckpoint checkpoint) => Interlocked.CompareExchange(ref _pendingCheckpoint, checkpoint, null);

    internal void Finish(RunJobOutcome outcome)
    {
        SetPhase(RunJobPhase.Done);
        _outcome.TrySetResult(outcome);
    }
}

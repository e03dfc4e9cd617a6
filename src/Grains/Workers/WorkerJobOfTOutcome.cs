using Microsoft.Extensions.Logging;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// A job whose end is told by a <typeparamref name="TOutcome"/>: the job computes it, the pool publishes
/// it (after its counters, so whoever awaits <see cref="Outcome"/> sees them updated). A job that throws
/// ends with the outcome <see cref="Failed"/> makes of its exception; <see cref="Outcome"/> never faults.
/// </summary>
/// <typeparam name="TOutcome">How the job ended: its result, an error, or that it was stopped.</typeparam>
public abstract class WorkerJob<TOutcome> : WorkerJob
    where TOutcome : class
{
    private readonly TaskCompletionSource<TOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TOutcome? _kept;

    protected WorkerJob(string key)
        : base(key)
    {
    }

    /// <summary>Completes when the job ends for any reason; never faults.</summary>
    public Task<TOutcome> Outcome => _outcome.Task;

    /// <summary>The work itself, on a worker thread. May throw; a stop request should end it early.</summary>
    protected abstract TOutcome Execute(WorkerContext context);

    /// <summary>The outcome of a job stopped before it started.</summary>
    protected abstract TOutcome StoppedBeforeStart();

    /// <summary>The outcome of a job whose work threw <paramref name="error"/>.</summary>
    protected abstract TOutcome Failed(Exception error);

    /// <summary>True when <paramref name="outcome"/> says the work ran to its end.</summary>
    protected abstract bool RanToEnd(TOutcome outcome);

    /// <summary>Hook: the work ended with <paramref name="outcome"/>, on the worker thread, before it is published.</summary>
    protected virtual void Ended(TOutcome outcome)
    {
    }

    internal sealed override bool Work(WorkerContext context)
    {
        TOutcome outcome;
        try
        {
            outcome = Execute(context);
        }
        catch (Exception e)
        {
            context.Logger.LogError(e, "{Job} {Key} threw at step {Step}", Noun, Key, Step);
            outcome = Failed(e);
        }

        _kept = outcome;
        try
        {
            Ended(outcome);
        }
        catch (Exception e)
        {
            // A hook (telemetry) must not cost the job its outcome.
            context.Logger.LogWarning(e, "{Job} {Key}: its end hook threw", Noun, Key);
        }

        return RanToEnd(outcome);
    }

    internal sealed override void Skip() => _kept = StoppedBeforeStart();

    private protected sealed override void Publish() =>
        _outcome.TrySetResult(_kept ?? throw new InvalidOperationException($"Job {Key} finished without an outcome."));
}

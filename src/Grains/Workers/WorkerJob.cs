namespace ScaleSweep.Grains.Workers;

/// <summary>
/// What every job shares, as the <see cref="WorkerPool"/> drives it: its key, stop token, phase and step.
/// A job is shared between the grain that owns it and the worker thread that runs it: the grain only reads
/// it and stops it, the worker only writes it, and nothing here calls back into the grain.
/// </summary>
/// <remarks>Derive from <see cref="WorkerJob{TOutcome}"/>, which adds the outcome.</remarks>
public abstract class WorkerJob : IWorkerJob
{
    private readonly CancellationTokenSource _stop = new();
    private long _step;
    private int _phase;

    private protected WorkerJob(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
    }

    public string Key { get; }

    public WorkerJobPhase Phase => (WorkerJobPhase)Volatile.Read(ref _phase);

    public long Step => Interlocked.Read(ref _step);

    public bool IsStopRequested => _stop.IsCancellationRequested;

    /// <summary>What the job is called in log lines ("Run", "Theory curve").</summary>
    public abstract string Noun { get; }

    /// <summary>Cancelled by <see cref="Stop"/>: the work checks it between steps.</summary>
    protected CancellationToken StopToken => _stop.Token;

    public void Stop() => _stop.Cancel();

    protected void SetStep(long step) => Interlocked.Exchange(ref _step, step);

    /// <summary>The pool took the job: a worker starts it now.</summary>
    internal void MarkRunning() => Volatile.Write(ref _phase, (int)WorkerJobPhase.Running);

    /// <summary>Does the work on the calling worker thread and keeps its outcome; never throws.</summary>
    /// <returns>True when the work ran to its end (not stopped, not failed).</returns>
    internal abstract bool Work(WorkerContext context);

    /// <summary>Keeps the outcome of a job stopped before a worker took it.</summary>
    internal abstract void Skip();

    /// <summary>Publishes the kept outcome: the phase turns <see cref="WorkerJobPhase.Done"/> and the outcome completes.</summary>
    internal void Finish()
    {
        Volatile.Write(ref _phase, (int)WorkerJobPhase.Done);
        Publish();
    }

    private protected abstract void Publish();
}

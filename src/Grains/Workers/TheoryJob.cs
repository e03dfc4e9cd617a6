using ScaleSweep.Sweeps.Theory;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// One DMFT solve handed to the worker pool, shared between the theory grain that owns it and the worker
/// thread that solves it. The grain reads the outcome (on its timer) and may stop it; the worker writes
/// it. Nothing here calls into the grain, so a worker never touches grain state.
/// </summary>
public sealed class TheoryJob : IWorkerJob
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<TheoryJobOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    internal TheoryJob(string key, TheoryRequest request)
    {
        Key = key;
        Request = request;
    }

    /// <summary>The curve's key.</summary>
    public string Key { get; }

    /// <summary>What is solved.</summary>
    public TheoryRequest Request { get; }

    /// <summary>True once a worker started the solve.</summary>
    public bool IsRunning => Volatile.Read(ref _running) == 1;

    /// <summary>Completes when the job ends for any reason; never faults.</summary>
    public Task<TheoryJobOutcome> Outcome => _outcome.Task;

    /// <summary>True once <see cref="Stop"/> was called.</summary>
    public bool IsStopRequested => _stop.IsCancellationRequested;

    internal CancellationToken StopToken => _stop.Token;

    /// <summary>Asks the worker to stop: a queued job never starts, a running solve ends at its next time step.</summary>
    public void Stop() => _stop.Cancel();

    internal void SetRunning() => Volatile.Write(ref _running, 1);

    internal void Finish(TheoryJobOutcome outcome) => _outcome.TrySetResult(outcome);
}

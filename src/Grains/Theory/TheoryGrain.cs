using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Theory;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Theory;

/// <summary>
/// Owns one DMFT theory curve (see <see cref="ITheoryGrain"/>). The solve runs on the silo's
/// <see cref="WorkerPool"/>; a grain timer moves its outcome into storage inside the grain's own turns, so
/// no worker thread touches grain state and no call waits for the solve. A solve has no checkpoints (the
/// longest allowed take minutes): a curve whose silo died is solved again from the start.
/// </summary>
[LeastBusyPlacement]
public sealed class TheoryGrain : Grain, ITheoryGrain, ITheoryWorkerCallback
{
    private static readonly TimeSpan PollPeriod = StorageBackoff.First;

    private readonly IPersistentState<TheoryGrainState> _state;
    private readonly WorkerPool _pool;
    private readonly ILogger<TheoryGrain> _logger;
    private TheoryJob? _job;
    private IGrainTimer? _timer;
    private bool _startPending;
    private readonly StorageBackoff _storage = new();

    public TheoryGrain(
        [PersistentState("theory", StorageNames.Curves)] IPersistentState<TheoryGrainState> state,
        WorkerPool pool,
        ILogger<TheoryGrain> logger)
    {
        _state = state;
        _pool = pool;
        _logger = logger;
    }

    private string Key => this.GetPrimaryKeyString();

    private TheoryGrainState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Stored as queued or running with no live job: the previous activation (or its silo) is gone.
        if (State.Request is not null && State.Status is RunStatus.Queued or RunStatus.Running && State.Sweeps.Count > 0)
        {
            _logger.LogInformation("Theory curve {Key} is solved again: its previous activation is gone", Key);
            RequestStart();
        }

        return Task.CompletedTask;
    }

    public async Task<TheoryProgress> Request(TheoryRequest request, string sweepId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(sweepId);
        if (request.Key() != Key)
        {
            throw new ArgumentException($"The request's key {request.Key()} is not this curve's key {Key}.", nameof(request));
        }

        bool changed = State.Sweeps.Add(sweepId) || State.Request is null;
        State.Request ??= request;
        if (State.Status is RunStatus.Completed or RunStatus.Failed)
        {
            if (changed)
            {
                await _state.WriteStateAsync();
            }

            // Already final: computed once, shared by every sweep that asks.
            Notify(sweepId, Progress());
            return Progress();
        }

        if (_job is null && !_startPending)
        {
            Start();
            changed = true;
        }

        if (changed)
        {
            await _state.WriteStateAsync();
        }

        return Progress();
    }

    public Task<TheoryProgress> GetProgress() => Task.FromResult(Progress());

    public Task<TheoryResult?> GetResult() => Task.FromResult(
        State.Request is null ? null : new TheoryResult(State.Request, State.Status, State.Curve, State.Error));

    public Task Poke() => Poll(CancellationToken.None);

    public async Task Release(string sweepId)
    {
        if (!State.Sweeps.Remove(sweepId))
        {
            return;
        }

        if (State.Sweeps.Count == 0)
        {
            // Nobody wants the curve any more: stop the solve (the timer marks it cancelled when it ends).
            _startPending = false;
            _job?.Stop();
            if (_job is null && !State.Status.IsFinal())
            {
                State.Status = RunStatus.Cancelled;
            }
        }

        await _state.WriteStateAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Un-stopped work would run on beside a new activation elsewhere; the stored status lets that one start again.
        _job?.Stop();
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    private void RequestStart()
    {
        _startPending = true;
        _timer ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.Zero, PollPeriod) { KeepAlive = true });
    }

    private void Start()
    {
        TheoryRequest request = State.Request ?? throw new InvalidOperationException($"Theory curve {Key} has no request.");
        TheoryJob job = _pool.Enqueue(Key, request);
        _job = job;
        _startPending = false;
        ITheoryWorkerCallback self = this.AsReference<ITheoryWorkerCallback>();
        _ = job.Outcome.ContinueWith(_ => self.Poke(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _timer ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(PollPeriod, PollPeriod) { KeepAlive = true });
        State.Status = RunStatus.Queued;
        State.Executions++;
        _logger.LogDebug("Theory curve {Key} queued", Key);
    }

    private async Task Poll(CancellationToken cancellationToken)
    {
        if (_storage.IsWaiting)
        {
            return;
        }

        try
        {
            if (_startPending && _job is null)
            {
                Start();
                await _state.WriteStateAsync();
            }

            if (_job is { } job)
            {
                if (job.IsRunning && State.Status == RunStatus.Queued)
                {
                    // Not written: queued and running restart alike.
                    State.Status = RunStatus.Running;
                }

                if (job.Outcome.IsCompleted)
                {
                    await Persist(job.Outcome.Result);
                }
            }

            _storage.Succeeded();
        }
        catch (Exception e) when (StorageFailures.IsConflict(e))
        {
            // Another activation wrote first (see RunGrain): ours is stale, so it steps down.
            _logger.LogWarning("Theory curve {Key}: another activation wrote its state ({Error}); this one steps down", Key, e.GetBaseException().Message);
            _job?.Stop();
            _job = null;
            _startPending = false;
            StopTimer();
            this.DeactivateOnIdle();
        }
        catch (Exception e)
        {
            // Storage may be down: the outcome stays in memory and a later tick tries again, backing off.
            TimeSpan delay = _storage.Failed(e);
            _logger.LogWarning("Theory curve {Key} could not reach storage ({Error}); retrying in {Seconds:0.##} s", Key, _storage.Warning, delay.TotalSeconds);
        }
    }

    private async Task Persist(TheoryJobOutcome outcome)
    {
        if (outcome.Stopped)
        {
            _job = null;
            if (State.Sweeps.Count == 0)
            {
                State.Status = RunStatus.Cancelled;
                await _state.WriteStateAsync();
                StopTimer();
            }
            else
            {
                // Another sweep asked for the curve while it was stopping: solve it again.
                RequestStart();
            }

            return;
        }

        // The solver is deterministic: a solve that threw would throw again, so a failure is final at once.
        RunStatus previous = State.Status;
        State.Status = outcome.Curve is null ? RunStatus.Failed : RunStatus.Completed;
        State.Curve = outcome.Curve;
        State.Error = outcome.Error is { } error ? $"{error.GetType().Name}: {error.Message}" : null;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // Final only once stored: a progress call in between must not report a curve storage does not have.
            State.Status = previous;
            State.Curve = null;
            State.Error = null;
            throw;
        }

        _job = null;
        StopTimer();
        _logger.LogDebug("Theory curve {Key} stored as {Status}", Key, State.Status);
        TheoryProgress progress = Progress();
        foreach (string sweep in State.Sweeps)
        {
            Notify(sweep, progress);
        }
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void Notify(string sweepId, TheoryProgress progress) =>
        _ = GrainFactory.GetGrain<ISweepGrain>(sweepId).OnTheoryFinished(progress);

    private TheoryProgress Progress() => new(Key, State.Status, State.Error ?? _storage.Warning);
}

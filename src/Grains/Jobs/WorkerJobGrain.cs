using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using Microsoft.Extensions.DependencyInjection;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Membership;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Jobs;

/// <summary>
/// The lifecycle every grain that owns one worker job shares (a run, a theory curve): sweeps request and
/// release the work; the job runs on the silo's <see cref="WorkerPool"/>; a grain timer moves what the job
/// produced into storage inside the grain's own turns, so no worker thread ever touches grain state and no
/// call waits for the work. Storage failures back off and retry; a write conflict means another
/// activation took over, and this one steps down.
/// </summary>
/// <typeparam name="TState">The grain's stored state.</typeparam>
/// <typeparam name="TJob">The job it hands to the pool.</typeparam>
/// <typeparam name="TOutcome">How that job ends.</typeparam>
public abstract class WorkerJobGrain<TState, TJob, TOutcome> : Grain, IWorkerJobCallback
    where TState : class, IWorkerJobState
    where TJob : WorkerJob<TOutcome>
    where TOutcome : class
{
    private static readonly TimeSpan PollPeriod = StorageBackoff.First;

    private readonly JobStateStore<TState> _state;
    private readonly StorageBackoff _storage = new();
    private IGrainTimer? _timer;
    private bool _startPending;
    private bool _stateDirty;
    private bool _stale;

    private protected WorkerJobGrain(JobStateStore<TState> state, WorkerPool pool, ILogger logger)
    {
        _state = state;
        Pool = pool;
        Logger = logger;
    }

    protected WorkerPool Pool { get; }

    /// <summary>The derived grain's logger: log lines keep its category.</summary>
    protected ILogger Logger { get; }

    protected string Key => this.GetPrimaryKeyString();

    protected TState State => _state.State;

    private MembershipFence? _fence;
    private bool _fenceResolved;

    /// <summary>Returns when this silo may write; see <see cref="MembershipFence"/>.</summary>
    protected Task EnsureMember()
    {
        // Resolved once: a service lookup per write showed in profiles of short runs.
        if (!_fenceResolved)
        {
            _fence = ServiceProvider.GetService<MembershipFence>();
            _fenceResolved = true;
        }

        return _fence?.EnsureMemberAsync() ?? Task.CompletedTask;
    }

    /// <summary>The live job, if any.</summary>
    protected TJob? Job { get; set; }

    /// <summary>The last storage failure's message while storage is failing, for progress reports.</summary>
    protected string? StorageWarning => _storage.Warning;

    /// <summary>What the work is called in log lines ("Run", "Theory curve").</summary>
    protected abstract string Noun { get; }

    /// <summary>True once a sweep said what to compute.</summary>
    protected abstract bool IsRequested { get; }

    /// <summary>True when the job starts on the next tick (to read something that can fail first) rather than at once.</summary>
    protected virtual bool StartsOnTimer => false;

    /// <summary>True when deactivation waits for the stopped job and stores where it got to.</summary>
    protected virtual bool StoresWorkOnDeactivation => false;

    /// <summary>
    /// True when a request and a start are stored at once. A run stores nothing until its first checkpoint
    /// or its end (its group asks again for a run whose silo died), which saves two writes per short run.
    /// </summary>
    protected virtual bool StoresRequests => true;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Stored as queued or running with no live job: the previous activation (or its silo) is gone, so
        // the work continues as soon as anything touches the grain.
        if (IsRequested && State.Status is RunStatus.Queued or RunStatus.Running && State.Subscribers.Count > 0)
        {
            Resuming();
            RequestStart();
        }

        return Task.CompletedTask;
    }

    public Task Poke() => Poll(CancellationToken.None);

    /// <summary>
    /// <paramref name="subscriber"/> no longer wants the work; when no one does, the job stops (the timer
    /// stores what it got to and marks the work cancelled).
    /// </summary>
    public async Task Release(string subscriber)
    {
        if (!State.Subscribers.Remove(subscriber))
        {
            return;
        }

        if (State.Subscribers.Count == 0)
        {
            _startPending = false;
            Job?.Stop();
            if (Job is null && !State.Status.IsFinal())
            {
                State.Status = RunStatus.Cancelled;
            }
        }

        await WriteState();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (Job is { } job && !_stale)
        {
            // Un-stopped work would run on beside a new activation elsewhere; the stored status lets that one continue.
            job.Stop();
            if (StoresWorkOnDeactivation)
            {
                try
                {
                    TOutcome outcome = await job.Outcome.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                    await Persist(job, outcome, stopping: true);
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException)
                {
                    Logger.LogWarning("{Job} {Key} did not stop within the deactivation time; its last checkpoint stands", Noun, Key);
                }
                catch (Exception e)
                {
                    Logger.LogWarning(e, "{Job} {Key} could not store its state on deactivation ({Reason})", Noun, Key, reason.Description);
                }
            }
        }

        StopTimer();
    }

    /// <summary>
    /// Records that <paramref name="subscriber"/> wants the work and starts it unless it is running or final;
    /// a final result is reported back to the subscriber at once, without recomputing.
    /// </summary>
    /// <param name="subscriber">Who asks (a sweep, or a group of a sweep), told when the work is final.</param>
    /// <param name="changed">True when the caller already changed the state (the first request).</param>
    protected async Task Admit(string subscriber, bool changed)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriber);
        changed |= State.Subscribers.Add(subscriber);
        changed &= StoresRequests;
        if (State.Status is RunStatus.Completed or RunStatus.Diverged or RunStatus.Failed)
        {
            if (changed)
            {
                await WriteState();
            }

            // Already final: computed once, shared by every sweep that asks.
            _ = NotifyFinished(subscriber);
            return;
        }

        if (Job is null && !_startPending)
        {
            State.Status = RunStatus.Queued;
            if (StartsOnTimer)
            {
                RequestStart();
            }
            else
            {
                await StartWork();
            }

            changed = StoresRequests;
        }

        if (changed)
        {
            await WriteState();
        }
    }

    /// <summary>Makes a new job for the stored request (on the grain's turn; may read storage and throw).</summary>
    protected abstract Task<TJob> CreateJob();

    /// <summary>Hook: <paramref name="job"/> was handed to the pool.</summary>
    protected abstract void Queued(TJob job);

    /// <summary>Hook: an activation found the work unfinished and continues it.</summary>
    protected abstract void Resuming();

    /// <summary>Hook: a worker started computing the job (the status just turned running; not written).</summary>
    protected virtual void JobRunning()
    {
    }

    /// <summary>Stores what a running job produced so far (a checkpoint), on a timer tick.</summary>
    protected virtual Task Advance(TJob job) => Task.CompletedTask;

    /// <summary>
    /// Stores how <paramref name="job"/> ended. <paramref name="stopping"/> is true on deactivation: store
    /// what the job got to, but start nothing.
    /// </summary>
    protected abstract Task Persist(TJob job, TOutcome outcome, bool stopping);

    /// <summary>Tells <paramref name="subscriber"/> the work is final (one-way).</summary>
    protected abstract Task NotifyFinished(string subscriber);

    /// <summary>The job starts on the next tick, which may first read storage: a read can fail and is retried.</summary>
    protected void RequestStart()
    {
        _startPending = true;
        _timer ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.Zero, PollPeriod) { KeepAlive = true });
    }

    /// <summary>Starts the job again on the next tick, unless the grain is deactivating.</summary>
    protected void RestartUnless(bool stopping)
    {
        if (!stopping)
        {
            RequestStart();
        }
    }

    /// <summary>Writes the state (everything changed so far), once the silo is known to be a live member.</summary>
    protected async Task WriteState()
    {
        await EnsureMember();
        await _state.WriteAsync();
        _stateDirty = false;
        Logger.LogDebug("{Job} {Key} wrote its state ({Status})", Noun, Key, State.Status);
    }

    /// <summary>
    /// The job was stopped and what it got to is stored: the work is cancelled when no sweep wants it any
    /// more, and continues when another sweep asked for it while it was stopping.
    /// </summary>
    protected async Task Stopped(bool stopping)
    {
        Job = null;
        if (stopping)
        {
            return;
        }

        if (State.Subscribers.Count == 0)
        {
            State.Status = RunStatus.Cancelled;
            await WriteState();
            StopTimer();
        }
        else
        {
            RequestStart();
        }
    }

    /// <summary>
    /// Stores <paramref name="status"/> with whatever the caller set beside it. Final only once stored: a
    /// progress call in between must not report a result storage does not have, so a failed write sets the
    /// status back and calls <paramref name="undo"/>.
    /// </summary>
    protected async Task StoreFinal(RunStatus status, Action? undo = null)
    {
        RunStatus previous = State.Status;
        State.Status = status;
        try
        {
            await WriteState();
        }
        catch
        {
            State.Status = previous;
            undo?.Invoke();
            throw;
        }

        Job = null;
        StopTimer();
        Logger.LogDebug("{Job} {Key} stored as {Status}", Noun, Key, status);
    }

    /// <summary>Tells every subscriber that wants the work that it is final (one-way).</summary>
    protected void NotifySubscribersFinished()
    {
        foreach (string subscriber in State.Subscribers)
        {
            _ = NotifyFinished(subscriber);
        }
    }

    private async Task StartWork()
    {
        TJob job = await CreateJob();
        Pool.Enqueue(job);
        Job = job;
        _startPending = false;
        IWorkerJobCallback self = this.AsReference<IWorkerJobCallback>();
        _ = job.Outcome.ContinueWith(_ => self.Poke(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _timer ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(PollPeriod, PollPeriod) { KeepAlive = true });
        Queued(job);
        State.Status = RunStatus.Queued;
        State.Executions++;
        _stateDirty |= StoresRequests;
    }

    private async Task Poll(CancellationToken cancellationToken)
    {
        if (_storage.IsWaiting)
        {
            return;
        }

        try
        {
            if (_startPending && Job is null)
            {
                await StartWork();
            }

            if (Job is { } job)
            {
                // Not written: queued and running resume alike, and a write per start costs storage round trips.
                if (job.Phase == WorkerJobPhase.Running && State.Status == RunStatus.Queued)
                {
                    State.Status = RunStatus.Running;
                    JobRunning();
                }

                if (job.Outcome.IsCompleted)
                {
                    await Persist(job, job.Outcome.Result, stopping: false);
                }
                else
                {
                    await Advance(job);
                }
            }

            if (_stateDirty)
            {
                await WriteState();
            }

            _storage.Succeeded();
        }
        catch (Exception e) when (StorageFailures.IsConflict(e) || e is MembershipFenceException)
        {
            // Another activation wrote first: a hung silo that woke up, or an activation that was still
            // deactivating. Or this silo was declared dead and another activation is (or will be) the owner. Ours is stale; retrying with its ETag would fail forever. Stop the job and let a
            // fresh activation continue from what storage holds (results are the same either way).
            Logger.LogWarning("{Job} {Key}: another activation wrote its state ({Error}); this one steps down", Noun, Key, e.GetBaseException().Message);
            _stale = true;
            Job?.Stop();
            Job = null;
            _startPending = false;
            StopTimer();
            this.DeactivateOnIdle();
        }
        catch (Exception e)
        {
            // Storage may be down: the job's data stays in memory and a later tick tries again, backing off.
            TimeSpan delay = _storage.Failed(e);
            Logger.LogWarning("{Job} {Key} could not reach storage ({Error}); retrying in {Seconds:0.##} s", Noun, Key, _storage.Warning, delay.TotalSeconds);
        }
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }
}

using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Runs;

/// <summary>
/// Owns one simulation (see <see cref="IRunGrain"/>). The work runs on the silo's <see cref="WorkerPool"/>;
/// a grain timer moves checkpoints and the outcome from the job into storage, inside the grain's own
/// turns, so no worker thread ever touches grain state and no call waits for the simulation.
/// </summary>
[LeastBusyPlacement]
public sealed class RunGrain : Grain, IRunGrain, IRunWorkerCallback
{
    private static readonly TimeSpan PollPeriod = StorageBackoff.First;

    private readonly IPersistentState<RunGrainState> _state;
    private readonly IPersistentState<RunCurveState> _curve;
    private readonly WorkerPool _pool;
    private readonly ILogger<RunGrain> _logger;
    private CheckpointStore _checkpoint = null!;
    private RunJob? _job;
    private IGrainTimer? _timer;
    private bool _stateDirty;
    private bool _startPending;
    private readonly StorageBackoff _storage = new();
    private bool _stale;

    public RunGrain(
        [PersistentState("run", StorageNames.Runs)] IPersistentState<RunGrainState> state,
        [PersistentState("curve", StorageNames.Curves)] IPersistentState<RunCurveState> curve,
        WorkerPool pool,
        ILogger<RunGrain> logger)
    {
        _state = state;
        _curve = curve;
        _pool = pool;
        _logger = logger;
    }

    private string Key => this.GetPrimaryKeyString();

    private RunGrainState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _checkpoint = new CheckpointStore(ServiceProvider, this.GetGrainId(), _logger);

        // A run stored as queued or running has no live job: its previous activation (or silo) is gone,
        // so it continues from its last checkpoint as soon as anything touches it.
        if (State.Config is not null && State.Status is RunStatus.Queued or RunStatus.Running && State.Sweeps.Count > 0)
        {
            _logger.LogInformation("Run {Key} resumes from its last checkpoint (step {Step})", Key, State.Step);
            RequestStart();
        }

        return Task.CompletedTask;
    }

    public async Task<RunProgress> Request(SimulationConfig config, string sweepId, double? checkpointSeconds)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(sweepId);
        if (config.Fingerprint() != Key)
        {
            throw new ArgumentException($"The configuration's fingerprint {config.Fingerprint()} is not this run's key {Key}.", nameof(config));
        }

        bool added = State.Sweeps.Add(sweepId);
        bool changed = added || State.Config is null;
        State.Config ??= config;
        State.CheckpointSeconds ??= checkpointSeconds;

        if (State.Status is RunStatus.Completed or RunStatus.Diverged or RunStatus.Failed)
        {
            if (changed)
            {
                await _state.WriteStateAsync();
            }

            // Already final: computed once, shared by every sweep that asks.
            NotifySweep(sweepId, Progress());
            return Progress();
        }

        if (_job is null && !_startPending)
        {
            State.Status = RunStatus.Queued;
            if (State.HasCheckpoint)
            {
                // Reading the checkpoint can fail; the timer does it, and retries.
                RequestStart();
            }
            else
            {
                await StartWork();
            }

            changed = true;
        }

        if (changed)
        {
            await _state.WriteStateAsync();
            _stateDirty = false;
        }

        return Progress();
    }

    public Task<RunProgress> GetProgress() => Task.FromResult(Progress());

    public Task Poke() => Poll(CancellationToken.None);

    public Task<RunResult?> GetResult() => Task.FromResult(
        State.Config is null ? null : new RunResult(State.Config, Progress(), _curve.State.Curve));

    public async Task Release(string sweepId)
    {
        if (!State.Sweeps.Remove(sweepId))
        {
            return;
        }

        if (State.Sweeps.Count == 0)
        {
            _startPending = false;

            // Stopping takes a final snapshot; the timer stores it and marks the run cancelled.
            _job?.Stop();
            if (_job is null && !State.Status.IsFinal())
            {
                State.Status = RunStatus.Cancelled;
            }
        }

        await _state.WriteStateAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_job is { } job && !_stale)
        {
            // Un-stopped work would run on beside a new activation elsewhere; stop it, and store where it got to.
            job.Stop();
            try
            {
                RunJobOutcome outcome = await job.Outcome.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                await Persist(job, outcome, stopping: true);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                _logger.LogWarning("Run {Key} did not stop within the deactivation time; its last checkpoint stands", Key);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Run {Key} could not store its state on deactivation ({Reason})", Key, reason.Description);
            }
        }

        _timer?.Dispose();
    }

    // The job starts on the next tick, which first reads the checkpoint: a read can fail and is retried.
    private void RequestStart()
    {
        _startPending = true;
        _timer ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.Zero, PollPeriod) { KeepAlive = true });
    }

    private async Task StartWork()
    {
        SimulationConfig config = State.Config ?? throw new InvalidOperationException($"Run {Key} has no configuration.");
        RunCheckpointState? stored = State.HasCheckpoint ? await _checkpoint.LoadAsync() : null;
        RunJobCheckpoint? resumeFrom = stored is { Snapshot: { } snapshot }
            ? new RunJobCheckpoint(stored.Step, snapshot, stored.ComputeSeconds)
            : null;
        TimeSpan interval = TimeSpan.FromSeconds(State.CheckpointSeconds ?? _pool.Options.CheckpointSeconds);
        RunJob job = _pool.Enqueue(Key, config, resumeFrom, interval);
        _job = job;
        _startPending = false;
        IRunWorkerCallback self = this.AsReference<IRunWorkerCallback>();
        _ = job.Outcome.ContinueWith(_ => self.Poke(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _timer ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(PollPeriod, PollPeriod) { KeepAlive = true });
        _logger.LogDebug("Run {Key} queued from step {Step}", Key, resumeFrom?.Step ?? 0);
        State.Status = RunStatus.Queued;
        State.Executions++;
        _stateDirty = true;
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
                await StartWork();
            }

            if (_job is not { } job)
            {
                return;
            }

            // Not written: queued and running resume alike, and a write per run start costs storage round trips.
            if (job.Phase == RunJobPhase.Running && State.Status == RunStatus.Queued)
            {
                State.Status = RunStatus.Running;

                // The sweeps' polls would see it seconds later, after a short run has ended: their progress would call it queued throughout.
                RunProgress started = Progress();
                foreach (string sweep in State.Sweeps)
                {
                    _ = GrainFactory.GetGrain<ISweepGrain>(sweep).OnRunStarted(started);
                }
            }

            if (job.Outcome.IsCompleted)
            {
                _logger.LogDebug("Run {Key} ended at step {Step}; storing", Key, job.Outcome.Result.Step);
                await Persist(job, job.Outcome.Result, stopping: false);
            }
            else if (job.TakeCheckpoint() is { } checkpoint)
            {
                await StoreCheckpoint(checkpoint);
            }
            else if (_stateDirty)
            {
                await _state.WriteStateAsync();
                _stateDirty = false;
            }

            _storage.Succeeded();
        }
        catch (Exception e) when (StorageFailures.IsConflict(e))
        {
            // Another activation of this run wrote first: a hung silo that woke up, or an activation that was
            // still deactivating. Ours is stale; retrying with its ETag would fail forever. Stop the job and
            // let a fresh activation continue from what storage holds (results are the same either way).
            _logger.LogWarning("Run {Key}: another activation wrote its state ({Error}); this one steps down", Key, e.GetBaseException().Message);
            _stale = true;
            _job?.Stop();
            _job = null;
            _startPending = false;
            StopTimer();
            this.DeactivateOnIdle();
        }
        catch (Exception e)
        {
            // Storage may be down: the job's data stays in memory and a later tick tries again, backing off.
            TimeSpan delay = _storage.Failed(e);
            _logger.LogWarning("Run {Key} could not reach storage ({Error}); retrying in {Seconds:0.##} s", Key, _storage.Warning, delay.TotalSeconds);
        }
    }

    private async Task StoreCheckpoint(RunJobCheckpoint checkpoint)
    {
        try
        {
            var stored = new RunCheckpointState { Step = checkpoint.Step, Snapshot = checkpoint.Snapshot, ComputeSeconds = checkpoint.ComputeSeconds };
            await RunTelemetry.WriteCheckpoint(() => _checkpoint.SaveAsync(stored), Key, checkpoint, _job);
        }
        catch
        {
            // Keep it for the next try; a newer one from the worker replaces it anyway.
            _job?.OfferCheckpointIfNone(checkpoint);
            throw;
        }

        State.Step = checkpoint.Step;
        State.ComputeSeconds = checkpoint.ComputeSeconds;
        State.HasCheckpoint = true;
        await _state.WriteStateAsync();
        _stateDirty = false;
        _logger.LogDebug("Run {Key} checkpointed at step {Step}", Key, checkpoint.Step);
    }

    private async Task Persist(RunJob job, RunJobOutcome outcome, bool stopping)
    {
        if (outcome.Status is { } status)
        {
            _curve.State.Curve = new RunCurve(outcome.Curve!.Steps, outcome.Curve.Loss, outcome.Curve.WeightNormPerWidth);
            await _curve.WriteStateAsync();
            await Finish(status == SimulationStatus.Diverged ? RunStatus.Diverged : RunStatus.Completed, outcome, null);
            return;
        }

        if (outcome.Error is { } error)
        {
            _job = null;
            if (error is SnapshotException && job.ResumeFrom is not null)
            {
                // A checkpoint that fails its checksum or version is never trusted: start over from step 0.
                _logger.LogError(error, "Run {Key}: its checkpoint at step {Step} is corrupt; restarting from step 0", Key, job.ResumeFrom.Step);
                await _checkpoint.ClearAsync();
                State.HasCheckpoint = false;
                State.Step = 0;
                RestartUnless(stopping);
                await _state.WriteStateAsync();
                return;
            }

            State.FailedAttempts++;
            if (State.FailedAttempts >= _pool.Options.MaxAttempts)
            {
                await Finish(RunStatus.Failed, outcome, $"{error.GetType().Name}: {error.Message}");
                return;
            }

            _logger.LogWarning("Run {Key} failed attempt {Attempt} of {Max}; retrying from its last checkpoint", Key, State.FailedAttempts, _pool.Options.MaxAttempts);
            RestartUnless(stopping);
            await _state.WriteStateAsync();
            return;
        }

        // Stopped: keep the final snapshot so the run continues from this step.
        if (outcome.Final is { } final)
        {
            await StoreCheckpoint(final);
        }

        _job = null;
        if (stopping)
        {
            return;
        }

        if (State.Sweeps.Count == 0)
        {
            State.Status = RunStatus.Cancelled;
            await _state.WriteStateAsync();
            StopTimer();
        }
        else
        {
            // Another sweep asked for the run while it was stopping: carry on from the final snapshot.
            RequestStart();
        }
    }

    private void RestartUnless(bool stopping)
    {
        if (!stopping)
        {
            RequestStart();
        }
    }

    private async Task Finish(RunStatus status, RunJobOutcome outcome, string? error)
    {
        // Final only once stored: a progress call in between must not report a result storage does not have.
        RunStatus previous = State.Status;
        State.Status = status;
        State.Step = outcome.Step;
        State.DivergedAtStep = outcome.DivergedAtStep;
        State.Error = error;
        State.ComputeSeconds = outcome.ComputeSeconds;
        State.FinishedAt = DateTimeOffset.UtcNow;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            State.Status = previous;
            throw;
        }

        RunTelemetry.Finished(status, outcome.ComputeSeconds);
        _stateDirty = false;
        _job = null;
        StopTimer();
        _logger.LogDebug("Run {Key} stored as {Status}", Key, status);

        try
        {
            if (State.HasCheckpoint)
            {
                await _checkpoint.ClearAsync();
                State.HasCheckpoint = false;
            }
        }
        catch (Exception e)
        {
            // Only wasted space: a final run never reads its checkpoint again.
            _logger.LogWarning("Run {Key}: could not delete its last checkpoint ({Error})", Key, e.GetBaseException().Message);
        }

        RunProgress progress = Progress();
        foreach (string sweep in State.Sweeps)
        {
            NotifySweep(sweep, progress);
        }
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void NotifySweep(string sweepId, RunProgress progress) =>
        _ = GrainFactory.GetGrain<ISweepGrain>(sweepId).OnRunFinished(progress);

    private RunProgress Progress() => new(
        Key,
        State.Status,
        _job?.Step ?? State.Step,
        State.Config?.Steps ?? 0,
        State.DivergedAtStep,
        State.Error,
        State.ComputeSeconds,
        RuntimeIdentity,
        _storage.Warning);
}

using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Abstractions.Runs;
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
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(250);

    private readonly IPersistentState<RunGrainState> _state;
    private readonly IPersistentState<RunCurveState> _curve;
    private readonly IPersistentState<RunCheckpointState> _checkpoint;
    private readonly WorkerPool _pool;
    private readonly ILogger<RunGrain> _logger;
    private RunJob? _job;
    private IGrainTimer? _timer;
    private bool _stateDirty;

    public RunGrain(
        [PersistentState("run", StorageNames.Runs)] IPersistentState<RunGrainState> state,
        [PersistentState("curve", StorageNames.Curves)] IPersistentState<RunCurveState> curve,
        [PersistentState("checkpoint", StorageNames.Checkpoints)] IPersistentState<RunCheckpointState> checkpoint,
        WorkerPool pool,
        ILogger<RunGrain> logger)
    {
        _state = state;
        _curve = curve;
        _checkpoint = checkpoint;
        _pool = pool;
        _logger = logger;
    }

    private string Key => this.GetPrimaryKeyString();

    private RunGrainState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run stored as queued or running has no live job: its previous activation (or silo) is gone,
        // so it continues from its last checkpoint as soon as anything touches it.
        if (State.Config is not null && State.Status is RunStatus.Queued or RunStatus.Running && State.Sweeps.Count > 0)
        {
            _logger.LogInformation("Run {Key} resumes from its checkpoint at step {Step}", Key, _checkpoint.State.Step);
            StartWork();
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

        if (_job is null)
        {
            StartWork();
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

        if (State.Sweeps.Count == 0 && _job is not null)
        {
            // Stopping takes a final snapshot; the timer stores it and marks the run cancelled.
            _job.Stop();
        }

        await _state.WriteStateAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_job is { } job)
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

    private void StartWork()
    {
        SimulationConfig config = State.Config ?? throw new InvalidOperationException($"Run {Key} has no configuration.");
        RunJobCheckpoint? resumeFrom = _checkpoint.State.Snapshot is { Length: > 0 } snapshot
            ? new RunJobCheckpoint(_checkpoint.State.Step, snapshot, _checkpoint.State.ComputeSeconds)
            : null;
        TimeSpan interval = TimeSpan.FromSeconds(State.CheckpointSeconds ?? _pool.Options.CheckpointSeconds);
        RunJob job = _pool.Enqueue(Key, config, resumeFrom, interval);
        _job = job;
        IRunWorkerCallback self = this.AsReference<IRunWorkerCallback>();
        _ = job.Outcome.ContinueWith(_ => self.Poke(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _logger.LogDebug("Run {Key} queued from step {Step}", Key, resumeFrom?.Step ?? 0);
        State.Status = RunStatus.Queued;
        State.Executions++;
        _stateDirty = true;
        _timer ??= this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(PollPeriod, PollPeriod) { KeepAlive = true });
    }

    private async Task Poll(CancellationToken cancellationToken)
    {
        if (_job is not { } job)
        {
            return;
        }

        try
        {
            if (job.Phase == RunJobPhase.Running && State.Status == RunStatus.Queued)
            {
                State.Status = RunStatus.Running;
                _stateDirty = true;
            }

            if (job.Outcome.IsCompleted)
            {
                _logger.LogDebug("Run {Key} ended at step {Step}; storing", Key, job.Outcome.Result.Step);
                await Persist(job, job.Outcome.Result, stopping: false);
                return;
            }

            if (job.TakeCheckpoint() is { } checkpoint)
            {
                await StoreCheckpoint(checkpoint);
            }
            else if (_stateDirty)
            {
                await _state.WriteStateAsync();
                _stateDirty = false;
            }
        }
        catch (Exception e)
        {
            // Storage may be down: the job's data stays in memory and the next tick tries again.
            _logger.LogWarning(e, "Run {Key} could not write its state; retrying", Key);
        }
    }

    private async Task StoreCheckpoint(RunJobCheckpoint checkpoint)
    {
        _checkpoint.State.Step = checkpoint.Step;
        _checkpoint.State.Snapshot = checkpoint.Snapshot;
        _checkpoint.State.ComputeSeconds = checkpoint.ComputeSeconds;
        await RunTelemetry.WriteCheckpoint(_checkpoint.WriteStateAsync, Key, checkpoint, _job);
        State.Step = checkpoint.Step;
        State.ComputeSeconds = checkpoint.ComputeSeconds;
        await _state.WriteStateAsync();
        _stateDirty = false;
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
            if (error is SnapshotException && job.ResumeFrom is not null)
            {
                // A checkpoint that fails its checksum or version is never trusted: start over from step 0.
                _logger.LogError(error, "Run {Key}: checkpoint at step {Step} is unreadable; restarting from step 0", Key, job.ResumeFrom.Step);
                await _checkpoint.ClearStateAsync();
                _checkpoint.State = new RunCheckpointState();
                RestartOrStop(stopping);
                return;
            }

            State.FailedAttempts++;
            if (State.FailedAttempts >= _pool.Options.MaxAttempts)
            {
                await Finish(RunStatus.Failed, outcome, $"{error.GetType().Name}: {error.Message}");
                return;
            }

            _logger.LogWarning("Run {Key} failed attempt {Attempt} of {Max}; retrying from its last checkpoint", Key, State.FailedAttempts, _pool.Options.MaxAttempts);
            RestartOrStop(stopping);
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
            StartWork();
        }
    }

    private void RestartOrStop(bool stopping)
    {
        _job = null;
        if (!stopping)
        {
            StartWork();
        }
    }

    private async Task Finish(RunStatus status, RunJobOutcome outcome, string? error)
    {
        State.Status = status;
        State.Step = outcome.Step;
        State.DivergedAtStep = outcome.DivergedAtStep;
        State.Error = error;
        State.ComputeSeconds = outcome.ComputeSeconds;
        State.FinishedAt = DateTimeOffset.UtcNow;
        await _state.WriteStateAsync();
        RunTelemetry.Finished(status, outcome.ComputeSeconds);
        _stateDirty = false;
        _job = null;
        StopTimer();

        if (_checkpoint.State.Snapshot is not null)
        {
            try
            {
                await _checkpoint.ClearStateAsync();
                _checkpoint.State = new RunCheckpointState();
            }
            catch (Exception e)
            {
                // Only wasted space: a final run never reads its checkpoint again.
                _logger.LogWarning(e, "Run {Key}: could not delete its last checkpoint", Key);
            }
        }

        _logger.LogDebug("Run {Key} stored as {Status}", Key, status);
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
        RuntimeIdentity);
}

using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Jobs;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Runs;

/// <summary>
/// Owns one simulation (see <see cref="IRunGrain"/>): its job's lifecycle is
/// <see cref="WorkerJobGrain{TState, TJob, TOutcome}"/>'s; what is a run's own is here: checkpoints
/// (stored as the job offers them, read when it resumes, never trusted blindly), retries of a job that
/// threw, and the curve of a finished run.
/// </summary>
[LeastBusyPlacement]
public sealed class RunGrain : WorkerJobGrain<RunGrainState, RunJob, RunJobOutcome>, IRunGrain
{
    private readonly IPersistentState<RunCurveState> _curve;
    private readonly ISimulationFactory _simulations;
    private CheckpointStore _checkpoint = null!;

    public RunGrain(
        [PersistentState("run", StorageNames.Runs)] IPersistentState<RunGrainState> state,
        [PersistentState("curve", StorageNames.Curves)] IPersistentState<RunCurveState> curve,
        WorkerPool pool,
        ISimulationFactory simulations,
        ILogger<RunGrain> logger)
        : base(state, pool, logger)
    {
        _curve = curve;
        _simulations = simulations;
    }

    protected override string Noun => "Run";

    protected override bool IsRequested => State.Config is not null;

    // Reading the checkpoint can fail; the timer does it, and retries.
    protected override bool StartsOnTimer => State.HasCheckpoint;

    // Stopping takes a final snapshot: worth storing, so the next activation continues from that very step.
    protected override bool StoresWorkOnDeactivation => true;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _checkpoint = new CheckpointStore(ServiceProvider, this.GetGrainId(), Logger);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<RunProgress> Request(SimulationConfig config, string sweepId, double? checkpointSeconds)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(sweepId);
        if (config.Fingerprint() != Key)
        {
            throw new ArgumentException($"The configuration's fingerprint {config.Fingerprint()} is not this run's key {Key}.", nameof(config));
        }

        bool first = State.Config is null;
        State.Config ??= config;
        State.CheckpointSeconds ??= checkpointSeconds;
        await Admit(sweepId, first);
        return Progress();
    }

    public Task<RunProgress> GetProgress() => Task.FromResult(Progress());

    public Task<RunResult?> GetResult() => Task.FromResult(
        State.Config is null ? null : new RunResult(State.Config, Progress(), _curve.State.Curve?.ToLossCurve()));

    protected override void Resuming() =>
        Logger.LogInformation("Run {Key} resumes from its last checkpoint (step {Step})", Key, State.Step);

    protected override async Task<RunJob> CreateJob()
    {
        SimulationConfig config = State.Config ?? throw new InvalidOperationException($"Run {Key} has no configuration.");
        RunCheckpointState? stored = State.HasCheckpoint ? await _checkpoint.LoadAsync() : null;
        RunJobCheckpoint? resumeFrom = stored is { Snapshot: { } snapshot }
            ? new RunJobCheckpoint(stored.Step, snapshot, stored.ComputeSeconds)
            : null;
        TimeSpan interval = TimeSpan.FromSeconds(State.CheckpointSeconds ?? Pool.Options.CheckpointSeconds);
        return new RunJob(Key, config, resumeFrom, interval, _simulations);
    }

    protected override void Queued(RunJob job) =>
        Logger.LogDebug("Run {Key} queued from step {Step}", Key, job.ResumeFrom?.Step ?? 0);

    protected override void JobRunning()
    {
        // The sweeps' polls would see it seconds later, after a short run has ended: their progress would call it queued throughout.
        RunProgress started = Progress();
        foreach (string sweep in State.Sweeps)
        {
            _ = GrainFactory.GetGrain<ISweepGrain>(sweep).OnRunStarted(started);
        }
    }

    protected override async Task Advance(RunJob job)
    {
        if (job.TakeCheckpoint() is { } checkpoint)
        {
            await StoreCheckpoint(checkpoint);
        }
    }

    protected override async Task Persist(RunJob job, RunJobOutcome outcome, bool stopping)
    {
        if (outcome.Status is { } status)
        {
            _curve.State.Curve = StoredLossCurve.From(outcome.Curve!);
            await EnsureMember();
            await _curve.WriteStateAsync();
            Logger.LogDebug("Run {Key} wrote its curve", Key);
            await Finish(status == SimulationStatus.Diverged ? RunStatus.Diverged : RunStatus.Completed, outcome, null);
            return;
        }

        if (outcome.Error is { } error)
        {
            Job = null;
            if (error is SnapshotException && job.ResumeFrom is not null)
            {
                // A checkpoint that fails its checksum or version is never trusted: start over from step 0.
                Logger.LogError(error, "Run {Key}: its checkpoint at step {Step} is corrupt; restarting from step 0", Key, job.ResumeFrom.Step);
                await _checkpoint.ClearAsync();
                State.HasCheckpoint = false;
                State.Step = 0;
                RestartUnless(stopping);
                await WriteState();
                return;
            }

            State.FailedAttempts++;
            if (State.FailedAttempts >= Pool.Options.MaxAttempts)
            {
                await Finish(RunStatus.Failed, outcome, $"{error.GetType().Name}: {error.Message}");
                return;
            }

            Logger.LogWarning("Run {Key} failed attempt {Attempt} of {Max}; retrying from its last checkpoint", Key, State.FailedAttempts, Pool.Options.MaxAttempts);
            RestartUnless(stopping);
            await WriteState();
            return;
        }

        // Stopped: keep the final snapshot so the run continues from this step.
        if (outcome.Final is { } final)
        {
            await StoreCheckpoint(final);
        }

        await Stopped(stopping);
    }

    protected override Task NotifyFinished(ISweepGrain sweep) => sweep.OnRunFinished(Progress());

    private async Task StoreCheckpoint(RunJobCheckpoint checkpoint)
    {
        try
        {
            var stored = new RunCheckpointState { Step = checkpoint.Step, Snapshot = checkpoint.Snapshot, ComputeSeconds = checkpoint.ComputeSeconds };
            await RunTelemetry.WriteCheckpoint(() => _checkpoint.SaveAsync(stored), Key, checkpoint, Job);
        }
        catch
        {
            // Keep it for the next try; a newer one from the worker replaces it anyway.
            Job?.OfferCheckpointIfNone(checkpoint);
            throw;
        }

        State.Step = checkpoint.Step;
        State.ComputeSeconds = checkpoint.ComputeSeconds;
        State.HasCheckpoint = true;
        await WriteState();
        Logger.LogDebug("Run {Key} checkpointed at step {Step}", Key, checkpoint.Step);
    }

    private async Task Finish(RunStatus status, RunJobOutcome outcome, string? error)
    {
        State.Step = outcome.Step;
        State.DivergedAtStep = outcome.DivergedAtStep;
        State.Error = error;
        State.ComputeSeconds = outcome.ComputeSeconds;
        State.FinishedAt = DateTimeOffset.UtcNow;
        await StoreFinal(status);
        RunTelemetry.Finished(status, outcome.ComputeSeconds);

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
            Logger.LogWarning("Run {Key}: could not delete its last checkpoint ({Error})", Key, e.GetBaseException().Message);
        }

        NotifySweepsFinished();
    }

    private RunProgress Progress() => new(
        Key,
        State.Status,
        Job?.Step ?? State.Step,
        State.Config?.Steps ?? 0,
        State.DivergedAtStep,
        State.Error,
        State.ComputeSeconds,
        RuntimeIdentity,
        StorageWarning);
}

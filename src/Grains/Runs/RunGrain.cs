using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Jobs;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Results;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Runs;

/// <summary>
/// Owns one simulation (see <see cref="IRunGrain"/>): its job's lifecycle is
/// <see cref="WorkerJobGrain{TState, TJob, TOutcome}"/>'s; what is a run's own is here: its row of the
/// results table (read on the first request, written at checkpoints and once at the end with the curve),
/// checkpoints (stored as the job offers them, read when it resumes, never trusted blindly), and retries
/// of a job that threw. A final run deactivates: a sweep of 100,000 runs must not keep 100,000 activations.
/// </summary>
[LeastBusyPlacement]
public sealed class RunGrain : WorkerJobGrain<RunGrainState, RunJob, RunJobOutcome>, IRunGrain
{
    private readonly RunRowStore _row;
    private readonly ISimulationFactory _simulations;
    private CheckpointStore _checkpoint = null!;
    private SimulationConfig? _config;
    private (string Key, IGroupGrain Grain)? _group;

    public RunGrain(
        RunResultTable results,
        WorkerPool pool,
        ISimulationFactory simulations,
        IGrainContext context,
        ILogger<RunGrain> logger)
        : this(new RunRowStore(results, context.GrainId.Key.ToString()!), pool, simulations, logger)
    {
    }

    private RunGrain(RunRowStore row, WorkerPool pool, ISimulationFactory simulations, ILogger<RunGrain> logger)
        : base(row, pool, logger)
    {
        _row = row;
        _simulations = simulations;
    }

    protected override string Noun => "Run";

    protected override bool IsRequested => _config is not null;

    // Its group asks again for a run whose silo died: storing each request and start would cost two writes per run.
    protected override bool StoresRequests => false;

    // Reading the checkpoint can fail; the timer does it, and retries.
    protected override bool StartsOnTimer => State.HasCheckpoint;

    // Stopping takes a final snapshot: worth storing, so the next activation continues from that very step.
    protected override bool StoresWorkOnDeactivation => true;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _checkpoint = new CheckpointStore(ServiceProvider, this.GetGrainId(), Logger);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<RunProgress> Request(SimulationConfig config, string subscriber, double? checkpointSeconds, bool storedAbsent = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriber);
        await Bind(config, storedAbsent);
        if (State.Status is RunStatus.Queued or RunStatus.Running && Job is null)
        {
            // Stored as in flight with no live job here: its previous activation (or its silo) is gone.
            Resuming();
        }

        State.CheckpointSeconds ??= checkpointSeconds;
        await Admit(subscriber, changed: false);
        return Progress();
    }

    public Task<RunProgress> GetProgress() => Task.FromResult(Progress());

    public async Task<RunResult?> GetResult(SimulationConfig config)
    {
        await Bind(config, storedAbsent: false);
        return _row.Exists || Job is not null || State.Status != RunStatus.Pending
            ? new RunResult(config, Progress(), State.Curve?.ToLossCurve())
            : null;
    }

    protected override void Resuming() =>
        Logger.LogInformation("Run {Key} resumes from its last checkpoint (step {Step})", Key, State.Step);

    protected override async Task<RunJob> CreateJob()
    {
        SimulationConfig config = _config ?? throw new InvalidOperationException($"Run {Key} has no configuration.");
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
        foreach (string group in State.Subscribers)
        {
            _ = Group(group).OnRunStarted(started);
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
            // Stored with the final status, in the same write: a run is final in storage only with its curve.
            State.Curve = StoredLossCurve.From(outcome.Curve!);
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

    protected override Task NotifyFinished(string subscriber) =>
        Group(subscriber).OnRunFinished(Progress(), State.Curve?.ToLossCurve());

    // Orleans resolves the interface type on every GetGrain (attribute lookups, seen in profiles): once per run and group.
    private IGroupGrain Group(string key)
    {
        if (_group is not { } cached || cached.Key != key)
        {
            cached = (key, GrainFactory.GetGrain<IGroupGrain>(key));
            _group = cached;
        }

        return cached.Grain;
    }

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
        State.Silo = RuntimeIdentity;
        await StoreFinal(status, undo: () => State.Curve = null);
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

        NotifySubscribersFinished();

        // Its row holds everything; a later request reads it in a new activation.
        this.DeactivateOnIdle();
    }

    private RunProgress Progress() => new(
        Key,
        State.Status,
        Job?.Step ?? State.Step,
        _config?.Steps ?? 0,
        State.DivergedAtStep,
        State.Error,
        State.ComputeSeconds,
        State.Status.IsFinal() && State.Silo is { } silo ? silo : RuntimeIdentity,
        StorageWarning);

    /// <summary>Takes <paramref name="config"/> as this run's and reads its row, once.</summary>
    private async Task Bind(SimulationConfig config, bool storedAbsent)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (_config is null)
        {
            if (config.Fingerprint() != Key)
            {
                throw new ArgumentException($"The configuration's fingerprint {config.Fingerprint()} is not this run's key {Key}.", nameof(config));
            }

            _row.Bind(RunResultTable.PartitionOf(config));
        }

        if (!_row.Loaded)
        {
            if (storedAbsent)
            {
                await _row.AssumeAbsentAsync();
            }
            else
            {
                await _row.LoadAsync();
            }
        }

        _config ??= config;
    }
}

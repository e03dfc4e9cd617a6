using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>
/// The coordinator of one sweep (see <see cref="ISweepGrain"/>). A timer does the work: it refills free
/// worker slots with pending runs, polls the runs in flight (a run's own notification is the fast path,
/// the poll the safety net), writes the run table at most once a tick, and builds the report at the end.
/// Theory curves (spec "theory") are asked of theory grains on submit and resume, followed by the same
/// notification-plus-poll scheme, and the report waits for them. Their status is not stored: asking a
/// theory grain again is idempotent and answers at once, so an activation simply asks again (the keys of
/// final ones are stored, so a read-only silo can count them).
/// On a read-only silo (<see cref="DispatchOptions.ReadOnly"/>) the grain only reports what storage holds.
/// A running sweep whose grain deactivates (its silo shuts down) stores that it was interrupted; the next
/// activation that resumes it clears that. Every decision and count is <see cref="SweepBook"/>'s; this
/// grain holds the Orleans side: storage, timer, reminder and grain calls.
/// </summary>
public sealed class SweepGrain(
    [PersistentState("sweep", StorageNames.Sweeps)] IPersistentState<SweepRecord> state,
    [PersistentState("report", StorageNames.Sweeps)] IPersistentState<SweepReportState> report,
    ClusterLoadView cluster,
    SweepTelemetry telemetry,
    IOptions<SweepLimits> limits,
    IOptions<DispatchOptions> dispatch,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain, IRemindable
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(2);

    // How stale a read-only silo's copy of the stored state may be when it answers a status call.
    private static readonly TimeSpan ReadOnlyRefresh = TimeSpan.FromSeconds(1);

    private readonly int _runsPerSlot = Math.Max(1, dispatch.Value.RunsPerSlot);
    private readonly bool _readOnly = dispatch.Value.ReadOnly;
    private DateTime _readAt;
    private SweepBook? _book;
    private IGrainTimer? _timer;
    private DateTime _lastPoll = DateTime.MinValue;
    private string? _tickError;
    private int _runsWithoutStorage;

    private string Id => this.GetPrimaryKeyString();

    // The books of a submitted sweep: every caller has checked that the sweep is running, or was submitted.
    private SweepBook Book => _book!;

    private bool Running => _book?.Running == true;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _readAt = DateTime.UtcNow;
        _book = SweepBook.Open(state.State);
        if (Running && !_readOnly)
        {
            // Resumed from here on; the first tick stores it.
            Book.Reactivate();
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopTimer();
        if (_readOnly || !Running)
        {
            return;
        }

        // Its runs stop with this silo (they checkpoint as they deactivate), so a read-only silo must not call
        // the sweep running. On a cluster another silo reactivates it (a run's notification, the reminder) and clears this.
        Book.Interrupt();
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Only the label is lost: status then shows the sweep running as last stored; resuming works the same.
            logger.LogWarning("Sweep {Id}: could not store that it was interrupted ({Error})", Id, e.GetBaseException().Message);
        }
    }

    public async Task<SweepStatus> Submit(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var span = telemetry.StartSubmit(Id);
        if (_book is not null)
        {
            return Status();
        }

        SweepSpecValidator.Validate(spec, limits.Value);
        if (spec.Id() != Id)
        {
            throw new ArgumentException($"The spec's id {spec.Id()} is not this sweep's id {Id}.", nameof(spec));
        }

        _book = SweepBook.Submit(state.State, spec, DateTimeOffset.UtcNow);
        await WriteState();
        await GrainFactory.GetGrain<ISweepIndexGrain>(0).Add(new SweepSummary(Id, spec.Name, Book.Runs.Count, Book.Record.CreatedAt));
        logger.LogInformation("Sweep {Id} submitted with {Runs} runs", Id, Book.Runs.Count);
        await Start();
        return Status();
    }

    public async Task<SweepStatus> GetStatus()
    {
        if (_readOnly && Running && DateTime.UtcNow - _readAt >= ReadOnlyRefresh)
        {
            // Another process may be running the sweep and storing its progress: report what storage holds now.
            await state.ReadStateAsync();
            _readAt = DateTime.UtcNow;
            Book.Reread(state.State);
        }

        return Status();
    }

    public Task<SweepReport?> GetReport() => Task.FromResult(report.State.Report);

    public Task<SweepSpec?> GetSpec() => Task.FromResult(state.State.Spec);

    public async Task<SweepStatus> Cancel()
    {
        if (!Running)
        {
            return Status();
        }

        StopTimer();
        await Task.WhenAll(Book.Runs.InFlight.Select(key => GrainFactory.GetGrain<IRunGrain>(key).Release(Id)));
        await Task.WhenAll(Book.Theory.Unfinished().Select(r => GrainFactory.GetGrain<IDmftCurveGrain>(r.Key()).Release(Id)));
        Book.Cancel();
        await WriteState();
        await ResumeReminder.Remove(this, logger, Id);
        logger.LogInformation("Sweep {Id} cancelled", Id);
        return telemetry.Publish(this, Status());
    }

    public async Task<SweepStatus> Resume()
    {
        if (_book is null || _book.State == SweepState.Completed)
        {
            return Status();
        }

        if (Book.Reopen())
        {
            await WriteState();
        }

        await Start();
        return Status();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_readOnly)
        {
            return Task.CompletedTask;
        }

        // Activation already restarted the timer of a running sweep; a finished one needs no reminder.
        if (Running)
        {
            StartTimer();
            return Task.CompletedTask;
        }

        return ResumeReminder.Remove(this, logger, Id);
    }

    public async Task OnRunFinished(RunProgress progress)
    {
        if (Running && Book.Runs.Record(progress))
        {
            // Refill the freed slot now rather than at the next tick: short runs would otherwise idle a second each.
            await Dispatch();

            // Only the last one publishes; otherwise the next tick does: a status counts every run, too much for each completion.
            if (await CompleteIfAllFinal())
            {
                telemetry.Publish(this, Status());
            }
        }
    }

    public Task OnRunStarted(RunProgress progress)
    {
        // A late one (the run already final, or the sweep no longer running) changes nothing: the table keeps final entries.
        if (Running)
        {
            Book.Runs.Record(progress);
        }

        return Task.CompletedTask;
    }

    public async Task OnDmftCurveFinished(DmftCurveProgress progress)
    {
        if (Running && Book.Theory.Record(progress))
        {
            Book.NoteTheoryFinished();
            if (await CompleteIfAllFinal())
            {
                telemetry.Publish(this, Status());
            }
        }
    }

    private async Task Start()
    {
        StartTimer();
        await ResumeReminder.Register(this);
        await RequestTheory();
        await Dispatch();
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, TickPeriod) { KeepAlive = true });

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        if (!Running)
        {
            StopTimer();
            return;
        }

        try
        {
            if (DateTime.UtcNow - _lastPoll >= PollPeriod)
            {
                _lastPoll = DateTime.UtcNow;
                await PollInFlight();
                await RequestTheory();
            }

            await Dispatch();
            if (!await CompleteIfAllFinal() && Book.Dirty)
            {
                await WriteState();
            }

            _tickError = null;
        }
        catch (Exception e)
        {
            // Storage or a silo may be gone for a while; the next tick tries again.
            _tickError = e.GetBaseException().Message;
            logger.LogWarning("Sweep {Id}: tick failed ({Error}); retrying", Id, _tickError);
        }

        telemetry.Publish(this, Status());
    }

    /// <summary>Hands pending runs to their grains while the cluster has room (<see cref="RunTable.TakePending"/>).</summary>
    private async Task Dispatch()
    {
        IReadOnlyList<PendingRun> batch;
        while (Running && (batch = Book.Runs.TakePending(Math.Max(cluster.TotalSlots, 1) * _runsPerSlot)).Count > 0)
        {
            using var span = telemetry.StartDispatch(Id, batch.Count);
            double? checkpointSeconds = Book.Spec.CheckpointSeconds;
            RunProgress[] replies;
            try
            {
                replies = await Task.WhenAll(batch.Select(r => GrainFactory.GetGrain<IRunGrain>(r.Key).Request(r.Config, Id, checkpointSeconds)));
            }
            catch
            {
                Book.Runs.Retry(batch);
                throw;
            }

            // Runs that were already final (shared with another sweep) take no slot: the loop looks again.
            foreach (RunProgress reply in replies)
            {
                Book.Runs.Record(reply);
            }
        }
    }

    private async Task PollInFlight()
    {
        RunProgress[] replies = await Task.WhenAll(Book.Runs.InFlight.ToArray().Select(key => GrainFactory.GetGrain<IRunGrain>(key).GetProgress()));
        foreach (RunProgress reply in replies)
        {
            Book.Runs.Record(reply);
        }

        _runsWithoutStorage = replies.Count(r => r.Warning is not null);
        Book.Rate.Mark(DateTime.UtcNow, Book.Runs.StepsDone());
    }

    /// <summary>
    /// Asks every theory curve that is not final of its grain: the first time it starts the solve, later
    /// it is the poll (idempotent; the grain answers at once), so a lost notification cannot stall the report.
    /// </summary>
    private async Task RequestTheory()
    {
        DmftCurveRequest[] open = Book.Theory.Unfinished().ToArray();
        if (open.Length == 0 || !Running)
        {
            return;
        }

        foreach (DmftCurveProgress reply in await Task.WhenAll(open.Select(r => GrainFactory.GetGrain<IDmftCurveGrain>(r.Key()).Request(r, Id))))
        {
            Book.Theory.Record(reply);
        }

        Book.NoteTheoryFinished();
    }

    /// <summary>Completes the sweep (or fails it, if its report cannot be built) when every run and curve is final; false when some are not.</summary>
    private async Task<bool> CompleteIfAllFinal()
    {
        if (!Book.AllFinal)
        {
            return false;
        }

        if (!await BuildAndStoreReport())
        {
            return true;
        }

        // Only now, with the report span ended: a client that sees "completed" finds the whole report traced.
        Book.Complete();

        // Before the write's await: a status call served meanwhile says "completed", and the gauges must agree.
        telemetry.Publish(this, Status());
        await WriteState();
        StopTimer();
        await ResumeReminder.Remove(this, logger, Id);
        logger.LogInformation("Sweep {Id} completed", Id);
        return true;
    }

    /// <summary>Gathers the results, builds the report off the scheduler and stores it; false when it could not be built (the sweep failed).</summary>
    private async Task<bool> BuildAndStoreReport()
    {
        using var span = telemetry.StartReport(Id, Book.Runs.Count);
        (List<RunResult> results, DmftCurveResult[] curves) = await SweepResults.Gather(GrainFactory, Book.Runs, Book.Theory);
        SweepSpec spec = Book.Spec;
        try
        {
            // Fits and bootstraps are CPU work: off the grain scheduler.
            report.State.Report = await Task.Run(() => SweepReportBuilder.Build(Id, spec, results, curves));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            logger.LogError(e, "Sweep {Id}: the report could not be built", Id);
            Book.Fail($"the report could not be built: {e.Message}");
            await WriteState();
            StopTimer();
            return false;
        }

        await report.WriteStateAsync();
        return true;
    }

    private async Task WriteState()
    {
        await state.WriteStateAsync();
        Book.MarkStored();
    }

    private SweepStatus Status() => _book is null
        ? SweepStatusBuilder.Unknown(Id)
        : _book.Status(Id, _readOnly, cluster.TotalSlots, SweepWarning.Of(_tickError, _runsWithoutStorage));
}

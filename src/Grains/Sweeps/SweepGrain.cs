using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>
/// The coordinator of one sweep (see <see cref="ISweepGrain"/>). It never sees a run: a timer shares the
/// runs the cluster can take in flight (<see cref="DispatchDepth"/>) among the sweep's groups in grid order
/// (<see cref="GroupTable.Allocate"/>), each group grain hands out its own runs and reports its counters
/// when they change, and the report is assembled from the groups' stored aggregates. Theory curves (spec
/// "theory") are asked of theory grains on submit and resume, followed by notification plus poll, and the
/// report waits for them; asking a theory grain again is idempotent, so their status is not stored (the
/// keys of final ones are, so a read-only silo can count them).
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
    // Short: a group that finished frees its share of the budget for the next groups at the next tick.
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WritePeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishPeriod = TimeSpan.FromSeconds(1);

    // How stale a read-only silo's copy of the stored state may be when it answers a status call.
    private static readonly TimeSpan ReadOnlyRefresh = TimeSpan.FromSeconds(1);

    private readonly DispatchOptions _dispatch = dispatch.Value;
    private readonly bool _readOnly = dispatch.Value.ReadOnly;
    private readonly Dictionary<int, int> _unstored = [];
    private DateTime _lastWrite = DateTime.MinValue;
    private DateTime _readAt;
    private SweepBook? _book;
    private IGrainTimer? _timer;
    private DateTime _lastPoll = DateTime.MinValue;
    private DateTime _lastPublish = DateTime.MinValue;
    private string? _tickError;

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
        await GrainFactory.GetGrain<ISweepIndexGrain>(0).Add(new SweepSummary(Id, spec.Name, Book.RunCount, Book.Record.CreatedAt));
        logger.LogInformation("Sweep {Id} submitted with {Runs} runs in {Groups} groups", Id, Book.RunCount, Book.Grid.Groups.Count);
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

    public async Task<GroupSeedCurves> GetSeedCurves(int group)
    {
        if (_book is not { State: SweepState.Completed } book)
        {
            throw new InvalidOperationException($"Sweep {Id} is not completed: its groups' curves are not final.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, book.Grid.Groups.Count);
        GroupOutcome outcome = await SweepResults.ReadGroup(ServiceProvider, GrainFactory, Id, group);
        return new GroupSeedCurves(group, book.Grid.Groups[group], SeedNumbers.Resolve(outcome, book.Spec.Seeds));
    }

    public async Task<SweepStatus> Cancel()
    {
        if (!Running)
        {
            return Status();
        }

        StopTimer();
        int[] groups = [.. Book.Groups.Budgets.Keys.Union(Book.Record.Active.Keys).Where(g => !Book.Groups.IsDone(g)).Order()];
        foreach (GroupProgress reply in await Task.WhenAll(groups.Select(g => Group(g).Cancel())))
        {
            Book.Note(reply);
        }

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

    public async Task OnGroupProgress(GroupProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!Running || !Book.Note(progress))
        {
            return;
        }

        NoteUnstored(progress);
        if (progress.Done && await CompleteIfAllFinal())
        {
            telemetry.Publish(this, Status());
        }
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
        await Allocate();
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
            await Allocate();
            if (DateTime.UtcNow - _lastPoll >= PollPeriod)
            {
                _lastPoll = DateTime.UtcNow;
                await PollGroups();
                await RequestTheory();
            }

            if (!await CompleteIfAllFinal() && Book.Dirty && DateTime.UtcNow - _lastWrite >= WritePeriod)
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

        // The gauges are scraped every few seconds: a publish a second is plenty, and the tick runs ten times as often.
        if (DateTime.UtcNow - _lastPublish >= PublishPeriod || !Running)
        {
            _lastPublish = DateTime.UtcNow;
            telemetry.Publish(this, Status());
        }
    }

    /// <summary>Keeps each group's count of rows not yet stored, for the warning; a done group has stored them all and is dropped, so the map holds only active groups.</summary>
    private void NoteUnstored(GroupProgress progress)
    {
        if (progress.Done)
        {
            _unstored.Remove(progress.Group);
        }
        else
        {
            _unstored[progress.Group] = progress.Unstored;
        }
    }

    private IGroupGrain Group(int group) => GrainFactory.GetGrain<IGroupGrain>(GroupKeys.Of(Id, group));

    /// <summary>Shares the budget of runs in flight among the groups and tells those whose share changed.</summary>
    private async Task Allocate()
    {
        if (!Running)
        {
            return;
        }

        int budget = DispatchDepth.Budget(cluster.TotalSlots, Book.Groups.MeanRunSeconds(), _dispatch);
        IReadOnlyList<(int Group, int Budget)> changed = Book.Groups.Allocate(budget);
        if (changed.Count == 0)
        {
            return;
        }

        using var span = telemetry.StartDispatch(Id, changed.Sum(c => c.Budget));
        await NoteAll(changed);
    }

    /// <summary>Asks every group with a share where it stands (their own reports are the fast path; this is the safety net).</summary>
    private async Task PollGroups()
    {
        await NoteAll(Book.Groups.Budgets.Select(b => (b.Key, b.Value)).ToArray());
        Book.Rate.Mark(DateTime.UtcNow, Book.Groups.Totals().StepsDone);
    }

    private async Task NoteAll(IReadOnlyList<(int Group, int Budget)> budgets)
    {
        foreach ((int Group, int Budget)[] slice in budgets.Chunk(256))
        {
            foreach (GroupProgress reply in await Task.WhenAll(slice.Select(b => Group(b.Group).SetBudget(b.Budget))))
            {
                Book.Note(reply);
                NoteUnstored(reply);
            }
        }
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

        long started = Stopwatch.GetTimestamp();
        if (!await BuildAndStoreReport())
        {
            return true;
        }

        // Only now, with the report span ended: a client that sees "completed" finds the whole report traced.
        Book.Complete(Stopwatch.GetElapsedTime(started).TotalSeconds);

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
        using var span = telemetry.StartReport(Id, Book.RunCount);
        GroupOutcome[] outcomes = await SweepResults.GatherGroups(ServiceProvider, GrainFactory, Id, Book.Grid.Groups.Count);
        DmftCurveResult[] curves = await SweepResults.GatherTheory(GrainFactory, Book.Theory);
        SweepSpec spec = Book.Spec;
        SweepGrid grid = Book.Grid;
        try
        {
            // The frontiers' bootstraps and the exact floors (O(seeds N^2 M), bounded by SweepFloors.MaxWork) are CPU work: off the grain scheduler.
            report.State.Report = await Task.Run(() => SweepReportBuilder.Assemble(Id, spec, grid, outcomes, curves, SweepFloors.Compute(grid)));
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
        _lastWrite = DateTime.UtcNow;
        Book.MarkStored();
    }

    private SweepStatus Status() => _book is null
        ? SweepStatusBuilder.Unknown(Id)
        : _book.Status(Id, _readOnly, cluster.TotalSlots, SweepWarning.Of(_tickError, _unstored.Values.Sum()));
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Sweeps.Theory;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Numerics.Models;

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
/// activation that resumes it clears that.
/// </summary>
public sealed class SweepGrain : Grain, ISweepGrain, IRemindable
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(2);

    // How stale a read-only silo's copy of the stored state may be when it answers a status call.
    private static readonly TimeSpan ReadOnlyRefresh = TimeSpan.FromSeconds(1);
    private const int ResultBatch = 64;
    private const string ResumeReminder = "resume";

    // Orleans' shortest reminder period; a restarted cluster picks the sweep up within it.
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly IPersistentState<SweepGrainState> _state;
    private readonly IPersistentState<SweepReportState> _report;
    private readonly ClusterLoadView _cluster;
    private readonly SweepLimits _limits;
    private readonly int _runsPerSlot;
    private readonly bool _readOnly;
    private DateTime _readAt;
    private readonly ILogger<SweepGrain> _logger;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private IReadOnlyList<SimulationConfig> _configs = [];
    private SweepTheory _theory = SweepTheory.None;
    private IGrainTimer? _timer;
    private bool _dirty;
    private int _nextPending;
    private DateTime _lastPoll = DateTime.MinValue;
    private (DateTime At, long Steps) _rateMark;
    private double _stepsPerSecond;
    private string? _tickError;
    private int _runsWithoutStorage;

    public SweepGrain(
        [PersistentState("sweep", StorageNames.Sweeps)] IPersistentState<SweepGrainState> state,
        [PersistentState("report", StorageNames.Sweeps)] IPersistentState<SweepReportState> report,
        ClusterLoadView cluster,
        IOptions<SweepLimits> limits,
        IOptions<DispatchOptions> dispatch,
        ILogger<SweepGrain> logger)
    {
        _runsPerSlot = Math.Max(1, dispatch.Value.RunsPerSlot);
        _readOnly = dispatch.Value.ReadOnly;
        _state = state;
        _report = report;
        _cluster = cluster;
        _limits = limits.Value;
        _logger = logger;
    }

    private string Id => this.GetPrimaryKeyString();

    private SweepGrainState State => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _readAt = DateTime.UtcNow;
        if (State.Spec is not null)
        {
            Load(State.Spec);
            foreach (SweepRunEntry entry in State.Runs)
            {
                if (entry.Status is RunStatus.Queued or RunStatus.Running)
                {
                    _inFlight.Add(entry.Key);
                }
            }
        }

        if (State.State == SweepState.Running && !_readOnly)
        {
            if (State.Interrupted)
            {
                // Resumed from here on; the first tick stores it.
                State.Interrupted = false;
                _dirty = true;
            }

            StartTimer();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopTimer();
        if (_readOnly || State.State != SweepState.Running)
        {
            return;
        }

        // Its runs stop with this silo (they checkpoint as they deactivate), so a read-only silo must not call
        // the sweep running. On a cluster another silo reactivates it (a run's notification, the reminder) and clears this.
        State.Interrupted = true;
        try
        {
            await _state.WriteStateAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Only the label is lost: status then shows the sweep running as last stored; resuming works the same.
            _logger.LogWarning("Sweep {Id}: could not store that it was interrupted ({Error})", Id, e.GetBaseException().Message);
        }
    }

    public async Task<SweepStatus> Submit(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var span = SweepTelemetry.StartSubmit(Id);
        if (State.State != SweepState.Unknown)
        {
            return Status();
        }

        SweepSpecValidator.Validate(spec, _limits);
        if (spec.Id() != Id)
        {
            throw new ArgumentException($"The spec's id {spec.Id()} is not this sweep's id {Id}.", nameof(spec));
        }

        Load(spec);
        State.Spec = spec;
        State.Runs = _configs.Select(c => new SweepRunEntry { Key = c.Fingerprint() }).ToList();
        State.State = SweepState.Running;
        State.CreatedAt = DateTimeOffset.UtcNow;
        await _state.WriteStateAsync();
        await GrainFactory.GetGrain<ISweepIndexGrain>(0).Add(new SweepSummary(Id, spec.Name, State.Runs.Count, State.CreatedAt));
        _logger.LogInformation("Sweep {Id} submitted with {Runs} runs", Id, State.Runs.Count);

        StartTimer();
        await this.RegisterOrUpdateReminder(ResumeReminder, ReminderPeriod, ReminderPeriod);
        await RequestTheory();
        await Dispatch();
        return Status();
    }

    public async Task<SweepStatus> GetStatus()
    {
        if (_readOnly && State.State == SweepState.Running && DateTime.UtcNow - _readAt >= ReadOnlyRefresh)
        {
            // Another process may be running the sweep and storing its progress: report what storage holds now.
            await _state.ReadStateAsync();
            _readAt = DateTime.UtcNow;
            _theory.MarkFinal(State.TheoryFinished);
        }

        return Status();
    }

    public Task<SweepReport?> GetReport() => Task.FromResult(_report.State.Report);

    public Task<SweepSpec?> GetSpec() => Task.FromResult(State.Spec);

    public async Task<SweepStatus> Cancel()
    {
        if (State.State != SweepState.Running)
        {
            return Status();
        }

        StopTimer();
        await Task.WhenAll(_inFlight.Select(key => GrainFactory.GetGrain<IRunGrain>(key).Release(Id)));
        await Task.WhenAll(_theory.Unfinished().Select(r => GrainFactory.GetGrain<ITheoryGrain>(r.Key()).Release(Id)));
        foreach (SweepRunEntry entry in State.Runs)
        {
            if (!entry.Status.IsFinal())
            {
                entry.Status = RunStatus.Cancelled;
            }
        }

        _inFlight.Clear();
        State.State = SweepState.Cancelled;
        await _state.WriteStateAsync();
        _dirty = false;
        await StopReminder();
        _logger.LogInformation("Sweep {Id} cancelled", Id);
        return SweepTelemetry.Publish(this, Status());
    }

    public async Task<SweepStatus> Resume()
    {
        if (State.State is SweepState.Unknown or SweepState.Completed)
        {
            return Status();
        }

        if (State.State is SweepState.Cancelled or SweepState.Failed)
        {
            foreach (SweepRunEntry entry in State.Runs)
            {
                if (entry.Status is RunStatus.Cancelled)
                {
                    entry.Status = RunStatus.Pending;
                }
            }

            _nextPending = 0;
            State.State = SweepState.Running;
            State.Error = null;
            await _state.WriteStateAsync();
        }

        StartTimer();
        await this.RegisterOrUpdateReminder(ResumeReminder, ReminderPeriod, ReminderPeriod);
        await RequestTheory();
        await Dispatch();
        return Status();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_readOnly)
        {
            return Task.CompletedTask;
        }

        // Activation already restarted the timer of a running sweep; a finished one needs no reminder.
        if (State.State == SweepState.Running)
        {
            StartTimer();
            return Task.CompletedTask;
        }

        return StopReminder();
    }

    public async Task OnRunFinished(RunProgress progress)
    {
        if (_index.TryGetValue(progress.Key, out int i) && State.State == SweepState.Running)
        {
            Record(State.Runs[i], progress);

            // Refill the freed slot now rather than at the next tick: short runs would otherwise idle a second each.
            await Dispatch();
            if (AllFinal())
            {
                await Complete();
                SweepTelemetry.Publish(this, Status());
            }

            // Otherwise the next tick publishes: Status() walks every run, too much for each completion of a large sweep.
        }
    }

    public Task OnRunStarted(RunProgress progress)
    {
        // A late one (the run already final, or the sweep no longer running) changes nothing: Record keeps final entries.
        if (_index.TryGetValue(progress.Key, out int i) && State.State == SweepState.Running)
        {
            Record(State.Runs[i], progress);
        }

        return Task.CompletedTask;
    }

    public async Task OnTheoryFinished(TheoryProgress progress)
    {
        if (State.State == SweepState.Running && _theory.Record(progress))
        {
            NoteTheoryFinished();
            if (AllFinal())
            {
                await Complete();
                SweepTelemetry.Publish(this, Status());
            }
        }
    }

    /// <summary>
    /// Asks every theory curve that is not final of its grain: the first time it starts the solve, later
    /// it is the poll (idempotent; the grain answers at once), so a lost notification cannot stall the report.
    /// </summary>
    private async Task RequestTheory()
    {
        TheoryRequest[] open = _theory.Unfinished().ToArray();
        if (open.Length == 0 || State.State != SweepState.Running)
        {
            return;
        }

        TheoryProgress[] replies = await Task.WhenAll(open.Select(r => GrainFactory.GetGrain<ITheoryGrain>(r.Key()).Request(r, Id)));
        foreach (TheoryProgress reply in replies)
        {
            _theory.Record(reply);
        }

        NoteTheoryFinished();
    }

    // The next state write stores the final curves (see SweepGrainState.TheoryFinished).
    private void NoteTheoryFinished()
    {
        if (_theory.Done != State.TheoryFinished.Count)
        {
            State.TheoryFinished = _theory.FinalKeys().ToList();
            _dirty = true;
        }
    }

    private void Load(SweepSpec spec)
    {
        _theory = new SweepTheory(TheoryPlan.Requests(spec));
        _theory.MarkFinal(State.TheoryFinished);
        _configs = spec.Grid().Runs;
        _index.Clear();
        for (int i = 0; i < _configs.Count; i++)
        {
            _index[_configs[i].Fingerprint()] = i;
        }
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, TickPeriod) { KeepAlive = true });

    private async Task StopReminder()
    {
        try
        {
            if (await this.GetReminder(ResumeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e)
        {
            // Harmless: the reminder finds the sweep finished and tries again.
            _logger.LogWarning(e, "Sweep {Id}: could not remove its resume reminder", Id);
        }
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        if (State.State != SweepState.Running)
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
            if (AllFinal())
            {
                await Complete();
            }
            else if (_dirty)
            {
                await _state.WriteStateAsync();
                _dirty = false;
            }

            _tickError = null;
        }
        catch (Exception e)
        {
            // Storage or a silo may be gone for a while; the next tick tries again.
            _tickError = e.GetBaseException().Message;
            _logger.LogWarning("Sweep {Id}: tick failed ({Error}); retrying", Id, _tickError);
        }

        SweepTelemetry.Publish(this, Status());
    }

    private async Task Dispatch()
    {
        int free = Capacity() - _inFlight.Count;
        while (free > 0 && State.State == SweepState.Running)
        {
            var batch = new List<int>();
            while (batch.Count < free && NextPending() is int i)
            {
                batch.Add(i);
                _nextPending = i + 1;
            }

            if (batch.Count == 0)
            {
                return;
            }

            using var span = SweepTelemetry.StartDispatch(Id, batch.Count);
            double? checkpointSeconds = State.Spec!.CheckpointSeconds;
            RunProgress[] replies;
            try
            {
                replies = await Task.WhenAll(batch.Select(i =>
                    GrainFactory.GetGrain<IRunGrain>(State.Runs[i].Key).Request(_configs[i], Id, checkpointSeconds)));
            }
            catch
            {
                // Ask for the whole batch again next time; Request is idempotent for the runs that did start.
                _nextPending = batch[0];
                throw;
            }

            foreach (RunProgress reply in replies)
            {
                Record(State.Runs[_index[reply.Key]], reply);
            }

            // Runs that were already final (shared with another sweep) take no slot: look again.
            free = Capacity() - _inFlight.Count;
        }
    }

    // Runs in flight are tracked, and pending ones lie at or after _nextPending: no walk over every run.
    private bool AllFinal() => _inFlight.Count == 0 && NextPending() is null && _theory.AllFinal;

    private int Capacity() => Math.Max(_cluster.TotalSlots, 1) * _runsPerSlot;

    private int? NextPending()
    {
        for (int i = _nextPending; i < State.Runs.Count; i++)
        {
            if (State.Runs[i].Status == RunStatus.Pending)
            {
                return i;
            }
        }

        return null;
    }

    private async Task PollInFlight()
    {
        RunProgress[] replies = await Task.WhenAll(_inFlight.ToArray().Select(key => GrainFactory.GetGrain<IRunGrain>(key).GetProgress()));
        _runsWithoutStorage = 0;
        foreach (RunProgress reply in replies)
        {
            Record(State.Runs[_index[reply.Key]], reply);
            _runsWithoutStorage += reply.Warning is null ? 0 : 1;
        }

        long done = StepsDone();
        DateTime now = DateTime.UtcNow;
        if (_rateMark.At != default && now > _rateMark.At)
        {
            double rate = (done - _rateMark.Steps) / (now - _rateMark.At).TotalSeconds;
            _stepsPerSecond = _stepsPerSecond == 0 ? rate : 0.5 * _stepsPerSecond + 0.5 * rate;
        }

        _rateMark = (now, done);
    }

    private void Record(SweepRunEntry entry, RunProgress progress)
    {
        if (entry.Status.IsFinal())
        {
            return;
        }

        RunStatus status = progress.Status switch
        {
            // A run cancelled by every other sweep is not this sweep's business: ask for it again.
            RunStatus.Cancelled or RunStatus.Pending => RunStatus.Queued,
            _ => progress.Status,
        };
        entry.Step = progress.Step;
        if (status != entry.Status)
        {
            entry.Status = status;
            _dirty = true;
        }

        if (status.IsFinal())
        {
            _inFlight.Remove(entry.Key);
        }
        else
        {
            _inFlight.Add(entry.Key);
        }
    }

    private async Task Complete()
    {
        if (!await BuildAndStoreReport())
        {
            return;
        }

        // Only now, with the report span ended: a client that sees "completed" finds the whole report traced.
        State.State = SweepState.Completed;

        // Before the write's await: a status call served meanwhile says "completed", and the gauges must agree.
        SweepTelemetry.Publish(this, Status());
        await _state.WriteStateAsync();
        _dirty = false;
        StopTimer();
        await StopReminder();
        _logger.LogInformation("Sweep {Id} completed", Id);
    }

    /// <summary>Gathers the results, builds the report off the scheduler and stores it; false when it could not be built (the sweep failed).</summary>
    private async Task<bool> BuildAndStoreReport()
    {
        using var span = SweepTelemetry.StartReport(Id, State.Runs.Count);
        var results = new List<RunResult>(State.Runs.Count);
        for (int start = 0; start < State.Runs.Count; start += ResultBatch)
        {
            IEnumerable<Task<RunResult?>> batch = State.Runs.Skip(start).Take(ResultBatch)
                .Select(r => GrainFactory.GetGrain<IRunGrain>(r.Key).GetResult());
            foreach (RunResult? result in await Task.WhenAll(batch))
            {
                if (result is not null)
                {
                    results.Add(result);
                }
            }
        }

        var theory = new List<TheoryResult>(_theory.Count);
        foreach (TheoryResult? result in await Task.WhenAll(_theory.All.Select(r => GrainFactory.GetGrain<ITheoryGrain>(r.Key()).GetResult())))
        {
            if (result is not null)
            {
                theory.Add(result);
            }
        }

        SweepSpec spec = State.Spec!;
        try
        {
            // Fits and bootstraps are CPU work: off the grain scheduler.
            _report.State.Report = await Task.Run(() => SweepReportBuilder.Build(Id, spec, results, theory));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            _logger.LogError(e, "Sweep {Id}: the report could not be built", Id);
            State.State = SweepState.Failed;
            State.Error = $"the report could not be built: {e.Message}";
            await _state.WriteStateAsync();
            StopTimer();
            return false;
        }

        await _report.WriteStateAsync();
        return true;
    }

    private long StepsDone()
    {
        long steps = 0;
        foreach (SweepRunEntry entry in State.Runs)
        {
            steps += entry.Status is RunStatus.Completed or RunStatus.Diverged or RunStatus.Failed
                ? _configs[_index[entry.Key]].Steps
                : entry.Step;
        }

        return steps;
    }

    private SweepStatus Status()
    {
        if (State.Spec is null)
        {
            return new SweepStatus(Id, "", SweepState.Unknown, new RunCounts(0, 0, 0, 0, 0, 0, 0), 0, 0, 0, 0, null, default);
        }

        // Its runs stopped with its silo: they wait, like pending ones, to continue from their checkpoints.
        bool interrupted = _readOnly && State.State == SweepState.Running && State.Interrupted;
        int pending = 0, running = 0, queued = 0, completed = 0, diverged = 0, failed = 0, cancelled = 0;
        foreach (SweepRunEntry entry in State.Runs)
        {
            switch (entry.Status)
            {
                case RunStatus.Pending or RunStatus.Queued or RunStatus.Running when interrupted: pending++; break;
                case RunStatus.Pending: pending++; break;
                case RunStatus.Queued: running++; queued++; break;
                case RunStatus.Running: running++; break;
                case RunStatus.Completed: completed++; break;
                case RunStatus.Diverged: diverged++; break;
                case RunStatus.Failed: failed++; break;
                case RunStatus.Cancelled: cancelled++; break;
            }
        }

        long total = State.Spec.Steps * State.Runs.Count;
        var counts = new RunCounts(State.Runs.Count, pending, running, completed, diverged, failed, cancelled);
        string? warning = (_tickError, _runsWithoutStorage) switch
        {
            (null, 0) => null,
            (null, int n) => $"{n} running runs cannot reach storage; they keep their results in memory and retry",
            (string e, _) => $"the sweep cannot reach storage or its runs ({e}); retrying",
        };
        return new SweepStatus(Id, State.Spec.Name, interrupted ? SweepState.Interrupted : State.State, counts, StepsDone(), total, _stepsPerSecond,
            _cluster.TotalSlots, State.Error, State.CreatedAt, warning,
            State.State == SweepState.Completed ? _theory.Count : _theory.Done, _theory.Count, queued, _theory.Solving);
    }
}

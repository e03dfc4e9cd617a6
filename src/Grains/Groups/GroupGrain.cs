using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Results;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Groups;

/// <summary>
/// One group of a sweep (see <see cref="IGroupGrain"/>). It loads lazily: the spec from its sweep, its runs
/// from <see cref="SweepGrid.RunsOf"/>, and what its partition of the results table already holds (so a
/// resumed sweep asks no finished run again, and a new one's runs skip their reads). It hands runs out
/// within its budget as they finish, polls the ones in flight as a safety net, and when every seed is final
/// aggregates them off the grain scheduler (<see cref="GroupAggregator"/>), stores that once, tells the
/// sweep, and deactivates. Every decision is <see cref="GroupBook"/>'s.
/// </summary>
public sealed class GroupGrain(
    [PersistentState("group", StorageNames.Sweeps)] IPersistentState<GroupRecord> state,
    RunResultTable results,
    ILogger<GroupGrain> logger) : Grain, IGroupGrain
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(2);

    // Requests sent at once: a budget of thousands goes out in slices.
    private const int RequestSlice = 256;

    private string _sweepId = "";
    private int _group;
    private SweepSpec? _spec;
    private GroupBook? _book;
    private int _budget;
    private bool _cancelled;
    private int _unstored;
    private IGrainTimer? _timer;
    private DateTime _lastPoll = DateTime.UtcNow;
    private GroupProgress? _reported;
    private Task? _dispatch;
    private Task? _sending;
    private string? _partition;
    private bool _shared;
    private GroupOutcome? _outcome;
    private ActivityContext _trace;

    private string Key => this.GetPrimaryKeyString();

    private bool Done => state.State.Outcome is not null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_sweepId, _group) = GroupKeys.Parse(Key);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        LeavePartition();
        return Task.CompletedTask;
    }

    public async Task<GroupProgress> SetBudget(int budget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        if (Done)
        {
            return Progress();
        }

        if (_trace == default)
        {
            _trace = ScaleSweepActivities.RecordedAmbient();
        }

        _budget = budget;
        if (budget > 0 && _cancelled)
        {
            _cancelled = false;
            _book?.ResumeCancelled();
        }

        if (budget > 0)
        {
            // In the caller's turn: the first runs start at once, in the trace of the sweep's dispatch.
            _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { KeepAlive = true });
            await Load();
            Dispatch();
        }

        return Progress();
    }

    public async Task<GroupProgress> Cancel()
    {
        _budget = 0;
        if (Done || _book is null)
        {
            _cancelled = !Done;
            return Progress();
        }

        _cancelled = true;

        // The loop sees the flag before its next slice; after it, no request goes out that the releases below would miss.
        await (_dispatch ?? Task.CompletedTask);
        int[] inFlight = [.. _book.InFlight];
        foreach (int[] slice in inFlight.Chunk(RequestSlice))
        {
            await Task.WhenAll(slice.Select(i => GrainFactory.GetGrain<IRunGrain>(_book.Key(i)).Release(Key)));
        }

        _book.CancelUnfinished();
        return Progress();
    }

    public Task<GroupProgress> GetProgress() => Task.FromResult(Progress());

    public Task OnRunFinished(RunProgress progress, LossCurve? curve)
    {
        if (_book?.Record(progress, curve) == true && !_cancelled)
        {
            // Refill at once: a short run's slot would otherwise wait for the next tick.
            Dispatch();
        }

        return Task.CompletedTask;
    }

    public async Task OnPartitionShared()
    {
        _shared = true;
        _book?.AssumeStored();

        // Its joiner reads the partition when this returns: no request saying "absent" may still travel then.
        if (_sending is { } sending)
        {
            try
            {
                await sending;
            }
            catch
            {
                // The dispatch loop handles its own failures; here only its end counts.
            }
        }
    }

    public Task OnRunStarted(RunProgress progress)
    {
        if (!_cancelled)
        {
            _book?.Record(progress);
        }

        return Task.CompletedTask;
    }

    private async Task Tick(CancellationToken cancellationToken)
    {
        try
        {
            if (!Done)
            {
                await Load();
                if (!_cancelled)
                {
                    Dispatch();
                    if (DateTime.UtcNow - _lastPoll >= PollPeriod)
                    {
                        _lastPoll = DateTime.UtcNow;
                        await Poll();
                    }

                    await StoreIfFinal();
                }
            }
        }
        catch (Exception e)
        {
            // Storage or a silo may be gone for a while; the next tick tries again.
            logger.LogWarning("Group {Key}: tick failed ({Error}); retrying", Key, e.GetBaseException().Message);
        }

        Report();
        if (Done)
        {
            _timer?.Dispose();
            _timer = null;
            this.DeactivateOnIdle();
        }
    }

    /// <summary>The spec, the runs and the stored rows of the group's partition, once.</summary>
    private async Task Load()
    {
        if (_book is not null || Done)
        {
            return;
        }

        _spec ??= await GrainFactory.GetGrain<ISweepGrain>(_sweepId).GetSpec()
            ?? throw new InvalidOperationException($"Sweep {_sweepId} has no spec.");
        SimulationConfig[] runs = SweepGrid.RunsOf(_spec, _group);
        var book = new GroupBook(_group, runs);
        string partition = RunResultTable.PartitionOf(runs[0]);

        // Joined before the read: a group that joins later is told before it reads, and told us first.
        _shared |= await GrainFactory.GetGrain<IPartitionGrain>(partition).Join(Key);
        _partition = partition;
        foreach (StoredRun row in await results.ReadPartitionAsync(partition))
        {
            book.Stored(row.Key, row.ToProgress(_spec.Steps), row.State.Curve?.ToLossCurve());
        }

        if (_shared)
        {
            book.AssumeStored();
        }

        if (_cancelled)
        {
            book.CancelUnfinished();
        }

        _book = book;
    }

    /// <summary>
    /// Starts the dispatch loop unless it is running. The loop is not awaited: while its requests travel, the
    /// group takes its runs' notifications (on a cluster a round trip to another silo per finished run, in the
    /// notification's turn, held the group's throughput to one run per round trip), and each pass of the loop
    /// sends all the budget freed meanwhile. One loop at a time, so the order runs are taken in is the book's.
    /// </summary>
    private void Dispatch()
    {
        if (_dispatch is { IsCompleted: false } || _book is null || _spec is null || _cancelled)
        {
            return;
        }

        _dispatch = DispatchLoop(_book, _spec);
    }

    private async Task DispatchLoop(GroupBook book, SweepSpec spec)
    {
        IReadOnlyList<int> taken;
        while (!_cancelled && (taken = book.TakePending(_budget)).Count > 0)
        {
            using Activity? span = SweepTelemetry.StartGroupDispatch(_sweepId, taken.Count, _trace);
            double? checkpointSeconds = spec.CheckpointSeconds;
            foreach (int[] slice in taken.Chunk(RequestSlice))
            {
                if (_cancelled)
                {
                    return;
                }

                RunProgress[] replies;
                try
                {
                    Task<RunProgress[]> sending = Task.WhenAll(slice.Select(i =>
                        GrainFactory.GetGrain<IRunGrain>(book.Key(i)).Request(book.Config(i), Key, checkpointSeconds, storedAbsent: !book.MayBeStored(i))));
                    _sending = sending;
                    replies = await sending;
                }
                catch (Exception e)
                {
                    // Not awaited by anyone: the runs go back to pending, and the next tick sends them again.
                    book.Retry(taken);
                    logger.LogWarning("Group {Key}: dispatch failed ({Error}); retrying", Key, e.GetBaseException().Message);
                    return;
                }

                foreach (RunProgress reply in replies)
                {
                    book.Record(reply);
                }
            }
        }
    }

    private void LeavePartition()
    {
        if (_partition is { } partition)
        {
            _partition = null;
            _ = GrainFactory.GetGrain<IPartitionGrain>(partition).Leave(Key);
        }
    }

    /// <summary>Asks the runs in flight where they stand, and the final ones whose curve never came for it.</summary>
    private async Task Poll()
    {
        if (_book is null)
        {
            return;
        }

        int[] inFlight = [.. _book.InFlight];
        int unstored = 0;
        foreach (int[] slice in inFlight.Chunk(RequestSlice))
        {
            foreach (RunProgress reply in await Task.WhenAll(slice.Select(i => GrainFactory.GetGrain<IRunGrain>(_book.Key(i)).GetProgress())))
            {
                unstored += reply.Warning is null ? 0 : 1;
                _book.Record(reply);
            }
        }

        _unstored = unstored;
        foreach (int i in _book.LackingCurves())
        {
            if (await GrainFactory.GetGrain<IRunGrain>(_book.Key(i)).GetResult(_book.Config(i)) is { } result)
            {
                _book.Record(result.Progress, result.Curve);
            }
        }

        // Runs that came back pending go out again now.
        Dispatch();
    }

    /// <summary>When every seed is final with its curve: aggregates them in seed order (off the scheduler) and stores the outcome once.</summary>
    private async Task StoreIfFinal()
    {
        if (_book is not { AllFinal: true } book || _spec is not { } spec || book.LackingCurves().Count > 0)
        {
            return;
        }

        if (_outcome is null)
        {
            var byKey = book.Results().ToDictionary(r => r.Progress.Key, StringComparer.Ordinal);
            SimulationConfig[] runs = Enumerable.Range(0, book.Count).Select(book.Config).ToArray();
            GroupConfig config = SweepGrid.GroupAt(spec, _group);
            _outcome = await Task.Run(() => GroupAggregator.Aggregate(spec, config, runs, byKey));
        }

        state.State.Totals = book.Totals();
        state.State.Outcome = _outcome;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Outcome = null;
            throw;
        }

        logger.LogDebug("Group {Key} stored its aggregate of {Seeds} seeds", Key, book.Count);
        LeavePartition();
        _book = null;
        _outcome = null;
    }

    /// <summary>Tells the sweep where the group stands, when that changed.</summary>
    private void Report()
    {
        GroupProgress progress = Progress();
        if (progress.Totals.Runs > 0 && progress != _reported)
        {
            _reported = progress;
            _ = GrainFactory.GetGrain<ISweepGrain>(_sweepId).OnGroupProgress(progress);
        }
    }

    private GroupProgress Progress()
    {
        if (state.State is { Outcome: not null, Totals: { } totals })
        {
            return new GroupProgress(_group, totals, Done: true);
        }

        return new GroupProgress(_group, _book?.Totals() ?? GroupTotals.Zero, Done: false, _unstored);
    }
}

using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Tests.Specs;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>The coordinator's run table: recording rules, dispatch order, counts and steps.</summary>
public sealed class RunTableTests
{
    // 64 runs of 3000 steps.
    private static readonly SweepGrid Grid = TestSpecs.Parse(TestSpecs.Valid).Grid();

    private static RunTable NewTable(out List<SweepRunEntry> entries)
    {
        entries = RunTable.NewEntries(Grid);
        return new RunTable(Grid, entries);
    }

    private static string Key(int run) => Grid.Runs[run].Fingerprint();

    private static RunProgress Progress(int run, RunStatus status, long step = 0) =>
        new(Key(run), status, step, Grid.Runs[run].Steps, null, null, 0, null);

    [Fact]
    public void ANewSweepHasEveryRunPendingInGridOrderUnderItsRunKey()
    {
        RunTable table = NewTable(out List<SweepRunEntry> entries);
        Assert.Equal(64, table.Count);
        Assert.Equal(Grid.Runs.Select(c => c.Fingerprint()), entries.Select(e => e.Key));
        Assert.Equal(entries.Select(e => e.Key), table.Keys);
        Assert.All(entries, e => Assert.Equal(RunStatus.Pending, e.Status));
        Assert.Empty(table.InFlight);
        Assert.False(table.AllFinal);
        Assert.False(table.Dirty);
    }

    [Fact]
    public void StoredEntriesQueuedOrRunningAreInFlightAgain()
    {
        List<SweepRunEntry> entries = RunTable.NewEntries(Grid);
        entries[0].Status = RunStatus.Completed;
        entries[1].Status = RunStatus.Queued;
        entries[2].Status = RunStatus.Running;
        entries[3].Status = RunStatus.Cancelled;
        var table = new RunTable(Grid, entries);
        Assert.Equal(new[] { Key(1), Key(2) }.Order(StringComparer.Ordinal), table.InFlight.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EntriesOfAnotherGridAreRefused() =>
        Assert.Throws<ArgumentException>(() => new RunTable(Grid, RunTable.NewEntries(Grid).Take(63).ToList()));

    [Fact]
    public void ARunOfAnotherSweepIsNotRecorded()
    {
        RunTable table = NewTable(out _);
        Assert.False(table.Record(new RunProgress("not-a-run", RunStatus.Completed, 1, 1, null, null, 0, null)));
        Assert.False(table.Dirty);
    }

    [Fact]
    public void RecordingChangesTheStoredEntryAndMarksItDirtyOnlyWhenTheStatusChanges()
    {
        RunTable table = NewTable(out List<SweepRunEntry> entries);
        Assert.True(table.Record(Progress(5, RunStatus.Running, 100)));
        Assert.Equal(RunStatus.Running, entries[5].Status);
        Assert.Equal(100, entries[5].Step);
        Assert.True(table.Dirty);
        Assert.Contains(Key(5), table.InFlight);

        table.MarkStored();
        Assert.True(table.Record(Progress(5, RunStatus.Running, 200)));
        Assert.Equal(200, entries[5].Step);
        Assert.False(table.Dirty);
    }

    [Theory]
    [InlineData(RunStatus.Cancelled)]
    [InlineData(RunStatus.Pending)]
    public void ARunCancelledOrPendingAtItsGrainIsQueuedForThisSweep(RunStatus reported)
    {
        RunTable table = NewTable(out List<SweepRunEntry> entries);
        table.Record(Progress(0, RunStatus.Running, 10));
        table.Record(Progress(0, reported, 10));
        Assert.Equal(RunStatus.Queued, entries[0].Status);
        Assert.Contains(Key(0), table.InFlight);
    }

    [Theory]
    [InlineData(RunStatus.Completed)]
    [InlineData(RunStatus.Diverged)]
    [InlineData(RunStatus.Failed)]
    public void AFinalEntryNeverChanges(RunStatus final)
    {
        RunTable table = NewTable(out List<SweepRunEntry> entries);
        table.Record(Progress(0, RunStatus.Running, 10));
        table.Record(Progress(0, final, 3000));
        Assert.DoesNotContain(Key(0), table.InFlight);
        table.MarkStored();

        table.Record(Progress(0, RunStatus.Running, 20));
        table.Record(Progress(0, RunStatus.Cancelled, 30));
        Assert.Equal(final, entries[0].Status);
        Assert.Equal(3000, entries[0].Step);
        Assert.DoesNotContain(Key(0), table.InFlight);
        Assert.False(table.Dirty);
    }

    [Fact]
    public void PendingRunsAreHandedOutInGridOrderUpToTheFreeCapacity()
    {
        RunTable table = NewTable(out _);
        IReadOnlyList<PendingRun> first = table.TakePending(capacity: 3);
        Assert.Equal([0, 1, 2], first.Select(r => r.Index));
        Assert.Equal(first.Select(r => Key(r.Index)), first.Select(r => r.Key));
        Assert.Equal(first.Select(r => Grid.Runs[r.Index]), first.Select(r => r.Config));

        foreach (PendingRun run in first)
        {
            table.Record(Progress(run.Index, RunStatus.Queued));
        }

        Assert.Empty(table.TakePending(capacity: 3));
        Assert.Equal([3], table.TakePending(capacity: 4).Select(r => r.Index));
    }

    [Fact]
    public void ARunAlreadyFinalTakesNoSlot()
    {
        RunTable table = NewTable(out _);
        IReadOnlyList<PendingRun> batch = table.TakePending(capacity: 2);
        table.Record(Progress(0, RunStatus.Completed, 3000));
        table.Record(Progress(1, RunStatus.Queued));
        Assert.Equal([2], table.TakePending(capacity: 2).Select(r => r.Index));
        Assert.Equal(2, batch.Count);
    }

    [Fact]
    public void AFailedDispatchOffersItsWholeBatchAgain()
    {
        RunTable table = NewTable(out _);
        Assert.Equal([0, 1], table.TakePending(capacity: 2).Select(r => r.Index));
        IReadOnlyList<PendingRun> failed = table.TakePending(capacity: 4);
        Assert.Equal([2, 3, 4, 5], failed.Select(r => r.Index));

        table.Retry(failed);
        Assert.Equal([2, 3, 4, 5], table.TakePending(capacity: 4).Select(r => r.Index));
    }

    [Fact]
    public void EveryRunIsFinalOnlyWhenNoneIsPendingOrInFlight()
    {
        RunTable table = NewTable(out _);
        for (int i = 0; i < 63; i++)
        {
            table.Record(Progress(i, RunStatus.Completed, 3000));
        }

        Assert.False(table.AllFinal);
        table.Record(Progress(63, RunStatus.Running, 1));
        Assert.False(table.AllFinal);
        table.Record(Progress(63, RunStatus.Diverged, 50));
        Assert.True(table.AllFinal);
    }

    [Fact]
    public void CancellingLeavesFinalRunsAndResumingHandsOutTheCancelledOnesFromTheFirst()
    {
        RunTable table = NewTable(out List<SweepRunEntry> entries);
        table.Record(Progress(0, RunStatus.Completed, 3000));
        table.TakePending(capacity: 10);
        table.Record(Progress(1, RunStatus.Running, 5));
        table.MarkStored();

        table.CancelUnfinished();
        Assert.True(table.Dirty);
        Assert.Empty(table.InFlight);
        Assert.True(table.AllFinal);
        Assert.Equal(RunStatus.Completed, entries[0].Status);
        Assert.All(entries.Skip(1), e => Assert.Equal(RunStatus.Cancelled, e.Status));

        table.ResumeCancelled();
        Assert.Equal(RunStatus.Completed, entries[0].Status);
        Assert.All(entries.Skip(1), e => Assert.Equal(RunStatus.Pending, e.Status));
        Assert.Equal([1, 2], table.TakePending(capacity: 2).Select(r => r.Index));
    }

    [Fact]
    public void StepsDoneCountEndedRunsWholeAndTheRestAtTheirLastStep()
    {
        RunTable table = NewTable(out _);
        table.Record(Progress(0, RunStatus.Completed, 2999));
        table.Record(Progress(1, RunStatus.Diverged, 40));
        table.Record(Progress(2, RunStatus.Failed, 7));
        table.Record(Progress(3, RunStatus.Running, 100));
        table.Record(Progress(4, RunStatus.Running, 250));
        table.CancelUnfinished();
        Assert.Equal((3 * 3000) + 100 + 250, table.StepsDone());
    }

    [Fact]
    public void CountsSplitTheRunsByStatusWithQueuedOnesAmongRunning()
    {
        RunTable table = NewTable(out _);
        table.Record(Progress(0, RunStatus.Completed, 3000));
        table.Record(Progress(1, RunStatus.Diverged, 40));
        table.Record(Progress(2, RunStatus.Failed, 7));
        table.Record(Progress(3, RunStatus.Running, 100));
        table.Record(Progress(4, RunStatus.Queued));
        table.Record(Progress(5, RunStatus.Pending));

        RunTableCounts counts = table.Counts(interrupted: false);
        Assert.Equal(new RunCounts(64, 58, 3, 1, 1, 1, 0), counts.Runs);
        Assert.Equal(2, counts.Queued);
    }

    [Fact]
    public void AnInterruptedSweepCountsItsRunsInFlightAsPending()
    {
        RunTable table = NewTable(out _);
        table.Record(Progress(0, RunStatus.Completed, 3000));
        table.Record(Progress(3, RunStatus.Running, 100));
        table.Record(Progress(4, RunStatus.Queued));

        RunTableCounts counts = table.Counts(interrupted: true);
        Assert.Equal(new RunCounts(64, 63, 0, 1, 0, 0, 0), counts.Runs);
        Assert.Equal(0, counts.Queued);
    }

    [Fact]
    public void MarkDirtyAsksForAWriteAndMarkStoredClearsIt()
    {
        RunTable table = NewTable(out _);
        table.MarkDirty();
        Assert.True(table.Dirty);
        table.MarkStored();
        Assert.False(table.Dirty);
    }
}

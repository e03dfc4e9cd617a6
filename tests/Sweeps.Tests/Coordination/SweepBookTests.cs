using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Tests.Specs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>A sweep's state changes, made on its stored record.</summary>
public sealed class SweepBookTests
{
    private static readonly SweepSpec Spec = TestSpecs.Parse(TestSpecs.Valid) with { Theory = new TheorySpec(TheoryWidth.Infinite, null) };
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static RunProgress Progress(SweepBook book, int run, RunStatus status, long step = 0) =>
        new(book.Runs.Keys.ElementAt(run), status, step, 3000, null, null, 0, null);

    [Fact]
    public void AnEmptyRecordHasNoBooks() => Assert.Null(SweepBook.Open(new SweepRecord()));

    [Fact]
    public void ASubmittedSweepRunsWithEveryRunPendingAndOpensAgainFromItsRecord()
    {
        var record = new SweepRecord();
        SweepBook book = SweepBook.Submit(record, Spec, Now);
        Assert.Same(record, book.Record);
        Assert.Equal((Spec, SweepState.Running, Now), (record.Spec, record.State, record.CreatedAt));
        Assert.Equal(64, record.Runs.Count);
        Assert.All(record.Runs, r => Assert.Equal(RunStatus.Pending, r.Status));
        Assert.True(book.Running);
        Assert.False(book.AllFinal);

        book.Runs.Record(Progress(book, 0, RunStatus.Running, 10));
        SweepBook again = SweepBook.Open(record)!;
        Assert.Contains(record.Runs[0].Key, again.Runs.InFlight);
        Assert.Equal(book.Theory.Count, again.Theory.Count);
    }

    [Fact]
    public void TheBooksAreFinalOnlyWhenRunsAndCurvesAre()
    {
        SweepBook book = SweepBook.Submit(new SweepRecord(), Spec, Now);
        for (int i = 0; i < 64; i++)
        {
            book.Runs.Record(Progress(book, i, RunStatus.Completed, 3000));
        }

        Assert.False(book.AllFinal);
        foreach (DmftCurveRequest request in book.Theory.All)
        {
            book.Theory.Record(new DmftCurveProgress(request.Key(), DmftCurveStatus.Completed));
        }

        Assert.True(book.AllFinal);
    }

    [Fact]
    public void AnInterruptedSweepIsShownSoOnlyReadOnlyAndAReactivationClearsItForTheNextWrite()
    {
        SweepBook book = SweepBook.Submit(new SweepRecord(), Spec, Now);
        book.Runs.Record(Progress(book, 0, RunStatus.Running, 10));
        book.MarkStored();
        book.Interrupt();
        Assert.True(book.Record.Interrupted);
        Assert.Equal(SweepState.Interrupted, book.Status("id", readOnly: true, 1, null).State);
        Assert.Equal(SweepState.Running, book.Status("id", readOnly: false, 1, null).State);

        book.Reactivate();
        Assert.False(book.Record.Interrupted);
        Assert.True(book.Dirty);
    }

    [Fact]
    public void ACancelledOrFailedSweepReopensAndARunningOneDoesNot()
    {
        SweepBook book = SweepBook.Submit(new SweepRecord(), Spec, Now);
        Assert.False(book.Reopen());

        book.Runs.Record(Progress(book, 0, RunStatus.Completed, 3000));
        book.Cancel();
        Assert.Equal(SweepState.Cancelled, book.State);
        Assert.Equal(63, book.Status("id", false, 1, null).Runs.Cancelled);
        Assert.True(book.Reopen());
        Assert.Equal(SweepState.Running, book.State);
        Assert.Equal(63, book.Status("id", false, 1, null).Runs.Pending);

        book.Fail("broken");
        Assert.Equal((SweepState.Failed, "broken"), (book.State, book.Record.Error));
        Assert.True(book.Reopen());
        Assert.Null(book.Record.Error);

        book.Complete();
        Assert.False(book.Reopen());
        Assert.Equal(SweepState.Completed, book.State);
    }

    [Fact]
    public void FinalCurvesAreStoredWithTheNextWriteAndCountAfterReopening()
    {
        var record = new SweepRecord();
        SweepBook book = SweepBook.Submit(record, Spec, Now);
        book.MarkStored();
        string key = book.Theory.All.First().Key();
        book.Theory.Record(new DmftCurveProgress(key, DmftCurveStatus.Solving));
        book.NoteTheoryFinished();
        Assert.False(book.Dirty);

        book.Theory.Record(new DmftCurveProgress(key, DmftCurveStatus.Failed, "no"));
        book.NoteTheoryFinished();
        Assert.True(book.Dirty);
        Assert.Equal([key], record.TheoryFinished);
        Assert.Equal(1, SweepBook.Open(record)!.Theory.Done);
    }

    [Fact]
    public void ARecordReadAgainReplacesTheRunsAndAddsItsFinalCurves()
    {
        SweepBook book = SweepBook.Submit(new SweepRecord(), Spec, Now);
        var stored = new SweepRecord();
        SweepBook.Submit(stored, Spec, Now);
        stored.Runs[5].Status = RunStatus.Completed;
        stored.TheoryFinished = [book.Theory.All.First().Key()];

        book.Reread(stored);
        Assert.Same(stored, book.Record);
        Assert.Equal(1, book.Status("id", false, 1, null).Runs.Completed);
        Assert.Equal(1, book.Theory.Done);
    }
}

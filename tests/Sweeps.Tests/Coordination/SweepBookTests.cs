using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Tests.Specs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>A sweep's state changes, made on its stored record.</summary>
public sealed class SweepBookTests
{
    private static readonly SweepSpec Spec = TestSpecs.Parse(TestSpecs.Valid) with { Theory = new TheorySpec(TheoryWidth.Infinite, null) };
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    // A group of 4 seeds as its grain reports it.
    private static GroupProgress Group(int g, int completed, int computing = 0, bool done = false) =>
        new(g, new GroupTotals(4, 4 - completed - computing, 0, computing, completed, 0, 0, 0, completed * 3000L, completed * 0.5), done);

    [Fact]
    public void AnEmptyRecordHasNoBooks() => Assert.Null(SweepBook.Open(new SweepRecord()));

    [Fact]
    public void ASubmittedSweepRunsWithEveryRunPendingAndOpensAgainFromItsRecord()
    {
        var record = new SweepRecord();
        SweepBook book = SweepBook.Submit(record, Spec, Now);
        Assert.Same(record, book.Record);
        Assert.Equal((Spec, SweepState.Running, Now), (record.Spec, record.State, record.CreatedAt));
        Assert.Equal((64, 16), (book.RunCount, book.Groups.Count));
        Assert.Equal(64, book.Status("id", false, 1, null).Runs.Pending);
        Assert.True(book.Running);
        Assert.False(book.AllFinal);

        Assert.True(book.Note(Group(0, 4, done: true)));
        Assert.True(book.Note(Group(1, 1, computing: 2)));
        SweepBook again = SweepBook.Open(record)!;
        Assert.True(again.Groups.IsDone(0));
        Assert.Equal((5, 2, 57), (again.Status("id", false, 1, null).Runs.Completed, again.Status("id", false, 1, null).Runs.Running, again.Status("id", false, 1, null).Runs.Pending));
        Assert.Equal(book.Theory.Count, again.Theory.Count);
    }

    [Fact]
    public void TheBooksAreFinalOnlyWhenGroupsAndCurvesAre()
    {
        SweepBook book = SweepBook.Submit(new SweepRecord(), Spec, Now);
        for (int g = 15; g >= 0; g--)
        {
            book.Note(Group(g, 4, done: true));
        }

        Assert.Equal(64, book.Status("id", false, 1, null).Runs.Completed);
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
        book.Note(Group(0, 0, computing: 2));
        book.MarkStored();
        book.Interrupt();
        Assert.True(book.Record.Interrupted);
        SweepStatus seen = book.Status("id", readOnly: true, 1, null);
        Assert.Equal((SweepState.Interrupted, 0, 64), (seen.State, seen.Runs.Running, seen.Runs.Pending));
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

        book.Note(Group(0, 1, computing: 2));
        book.Cancel();
        Assert.Equal(SweepState.Cancelled, book.State);
        Assert.Equal((3, 1), (book.Status("id", false, 1, null).Runs.Cancelled, book.Status("id", false, 1, null).Runs.Completed));
        Assert.True(book.Reopen());
        Assert.Equal(SweepState.Running, book.State);

        book.Fail("broken");
        Assert.Equal((SweepState.Failed, "broken"), (book.State, book.Record.Error));
        Assert.True(book.Reopen());
        Assert.Null(book.Record.Error);

        book.Complete(reportSeconds: 1.5);
        Assert.False(book.Reopen());
        Assert.Equal(SweepState.Completed, book.State);
        Assert.Equal(1.5, book.Status("id", false, 1, null).ReportSeconds);
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
    public void ARecordReadAgainReplacesTheGroupsAndAddsItsFinalCurves()
    {
        SweepBook book = SweepBook.Submit(new SweepRecord(), Spec, Now);
        var stored = new SweepRecord();
        SweepBook other = SweepBook.Submit(stored, Spec, Now);
        other.Note(Group(5, 4, done: true));
        stored.TheoryFinished = [book.Theory.All.First().Key()];

        book.Reread(stored);
        Assert.Same(stored, book.Record);
        Assert.Equal(4, book.Status("id", false, 1, null).Runs.Completed);
        Assert.True(book.Groups.IsDone(5));
        Assert.Equal(1, book.Theory.Done);
    }
}

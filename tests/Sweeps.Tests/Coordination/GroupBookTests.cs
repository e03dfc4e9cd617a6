using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Tests.Specs;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>A group grain's books on its seeds: dispatch within a budget, re-asking lost runs, curves, totals.</summary>
public sealed class GroupBookTests
{
    private static readonly SweepSpec Spec = TestSpecs.Parse(TestSpecs.Valid) with { Seeds = [1, 2, 3, 4, 5, 6] };

    private static GroupBook Book() => new(3, SweepGrid.RunsOf(Spec, 3));

    private static RunProgress Progress(GroupBook book, int i, RunStatus status, long step = 0, double seconds = 0) =>
        new(book.Key(i), status, step, 3000, null, null, seconds, null);

    private static LossCurve Curve() => new([1, 10], [1.0, 0.5], [0.0, 0.0]);

    [Fact]
    public void RunsGoOutInSeedOrderWithinTheBudgetCountingThoseInFlight()
    {
        GroupBook book = Book();
        Assert.Equal([0, 1], book.TakePending(2));
        Assert.Empty(book.TakePending(2));
        Assert.True(book.Record(Progress(book, 0, RunStatus.Completed, 3000), Curve()));
        Assert.Equal([2], book.TakePending(2));
        Assert.Equal([3, 4, 5], book.TakePending(10));
        Assert.Empty(book.TakePending(10));
    }

    [Fact]
    public void ARunWhoseGrainLostItGoesOutAgainAndMayHaveARow()
    {
        GroupBook book = Book();
        Assert.All(Enumerable.Range(0, 6), i => Assert.False(book.MayBeStored(i)));
        Assert.Equal([0, 1, 2], book.TakePending(3));
        Assert.True(book.Record(Progress(book, 1, RunStatus.Pending)));
        Assert.True(book.MayBeStored(1));
        Assert.Equal([1], book.TakePending(3));

        Assert.True(book.Record(Progress(book, 2, RunStatus.Cancelled)));
        Assert.Equal([2], book.TakePending(3));

        // A pending answer for a run that was never handed out changes nothing.
        Assert.False(book.Record(Progress(book, 5, RunStatus.Pending)));
        book.Retry([0, 1, 2]);
        Assert.Equal([0, 1, 2], book.TakePending(3));
    }

    [Fact]
    public void AFinalRunNeverChangesButTakesTheCurveItLacked()
    {
        GroupBook book = Book();
        book.TakePending(6);
        Assert.True(book.Record(Progress(book, 0, RunStatus.Completed, 3000, 1.5)));
        Assert.Equal([0], book.LackingCurves());
        Assert.False(book.Record(Progress(book, 0, RunStatus.Running, 5)));
        Assert.True(book.Record(Progress(book, 0, RunStatus.Completed, 3000, 1.5), Curve()));
        Assert.Empty(book.LackingCurves());
        Assert.False(book.Record(new RunProgress("not-ours", RunStatus.Completed, 1, 1, null, null, 0, null)));
    }

    [Fact]
    public void StoredRowsMarkRunsAndFinalOnesAreNotAskedAgain()
    {
        GroupBook book = Book();
        Assert.True(book.Stored(book.Key(0), Progress(book, 0, RunStatus.Completed, 3000, 2.0), Curve()));
        Assert.True(book.Stored(book.Key(1), Progress(book, 1, RunStatus.Running, 1200), null));
        Assert.False(book.Stored("another sweep's seed", Progress(book, 2, RunStatus.Completed), null));
        Assert.True(book.MayBeStored(0) && book.MayBeStored(1));
        Assert.False(book.MayBeStored(2));
        Assert.Equal([1, 2], book.TakePending(2));
    }

    [Fact]
    public void TotalsCountEveryRunOnceWithStepsAndComputeOfTheEnded()
    {
        GroupBook book = Book();
        book.TakePending(4);
        book.Record(Progress(book, 0, RunStatus.Completed, 3000, 1.0), Curve());
        book.Record(Progress(book, 1, RunStatus.Failed, 700, 0.5));
        book.Record(Progress(book, 2, RunStatus.Running, 400));
        Assert.Equal(new GroupTotals(6, 2, 1, 1, 1, 0, 1, 0, 3000 + 3000 + 400, 1.5), book.Totals());
        Assert.False(book.AllFinal);

        book.CancelUnfinished();
        Assert.Empty(book.InFlight);
        Assert.True(book.AllFinal);
        Assert.Equal(4, book.Totals().Cancelled);
        Assert.Equal(2, book.Results().Count);

        book.ResumeCancelled();
        Assert.False(book.AllFinal);
        Assert.Equal([2, 3, 4, 5], book.TakePending(10));
    }
}

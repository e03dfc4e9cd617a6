using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>The coordinator's view of its DMFT curves: what is final, what to ask for again.</summary>
public sealed class SweepTheoryTests
{
    private static readonly DmftCurveRequest[] Requests =
    [
        new(2.0, 0.4, 4000, 0, null, null, 0.05, 1000, 10, 64),
        new(2.0, 1.2, 4000, 0, null, null, 0.05, 1000, 10, 64),
        new(2.0, 1.2, 4000, 1, null, null, 0.05, 1000, 10, 64),
    ];

    private static string Key(int i) => Requests[i].Key();

    [Fact]
    public void ASweepWithoutTheoryHasNothingToWaitFor()
    {
        Assert.Equal(0, SweepDmftCurves.None.Count);
        Assert.True(SweepDmftCurves.None.AllFinal);
        Assert.Empty(SweepDmftCurves.None.Unfinished());
    }

    [Fact]
    public void EachCurveBeingSolvedSaysTheTimeItsGrainLastReported()
    {
        var theory = new SweepDmftCurves(Requests);
        theory.Record(new DmftCurveProgress(Key(2), DmftCurveStatus.Solving, null, 300));
        theory.Record(new DmftCurveProgress(Key(0), DmftCurveStatus.Solving, null, 120));
        theory.Record(new DmftCurveProgress(Key(1), DmftCurveStatus.Queued));

        // In plan order, queued ones left out; a finished one leaves the list.
        Assert.Equal([new DmftSolveProgress(120, 1000), new DmftSolveProgress(300, 1000)], theory.Solves());
        theory.Record(new DmftCurveProgress(Key(0), DmftCurveStatus.Completed, null, 0));
        Assert.Equal([new DmftSolveProgress(300, 1000)], theory.Solves());
    }

    [Fact]
    public void CompletedAndFailedCurvesAreFinalAndTheRestAreAskedForAgainInPlanOrder()
    {
        var theory = new SweepDmftCurves(Requests);
        Assert.Equal(3, theory.Count);
        Assert.Equal(Requests, theory.Unfinished());

        Assert.True(theory.Record(new DmftCurveProgress(Key(2), DmftCurveStatus.Failed, "no")));
        Assert.True(theory.Record(new DmftCurveProgress(Key(0), DmftCurveStatus.Solving)));
        Assert.Equal(1, theory.Done);
        Assert.Equal(1, theory.Solving);
        Assert.Equal([Key(2)], theory.FinalKeys());
        Assert.Equal([Requests[0], Requests[1]], theory.Unfinished());
        Assert.False(theory.AllFinal);

        // Released by another sweep: not final, asked for again.
        theory.Record(new DmftCurveProgress(Key(0), DmftCurveStatus.Cancelled));
        theory.Record(new DmftCurveProgress(Key(1), DmftCurveStatus.Completed));
        Assert.Equal([Requests[0]], theory.Unfinished());
        theory.Record(new DmftCurveProgress(Key(0), DmftCurveStatus.Completed));
        Assert.True(theory.AllFinal);
        Assert.Equal(3, theory.Done);
    }

    [Fact]
    public void ACurveOfAnotherSweepIsNotRecorded()
    {
        var theory = new SweepDmftCurves(Requests);
        Assert.False(theory.Record(new DmftCurveProgress("elsewhere", DmftCurveStatus.Completed)));
        Assert.Equal(0, theory.Done);
    }

    [Fact]
    public void StoredFinalKeysCountAsFinalAndUnknownOnesAreIgnored()
    {
        var theory = new SweepDmftCurves(Requests);
        theory.MarkFinal([Key(1), "elsewhere"]);
        Assert.Equal(1, theory.Done);
        Assert.Equal([Key(1)], theory.FinalKeys());
        Assert.Equal([Requests[0], Requests[2]], theory.Unfinished());
    }
}

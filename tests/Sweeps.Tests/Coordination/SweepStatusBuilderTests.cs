using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Tests.Specs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>The status a sweep serves, built from its groups' totals and its curves; its storage warnings.</summary>
public sealed class SweepStatusBuilderTests
{
    private static readonly SweepSpec Spec = TestSpecs.Parse(TestSpecs.Valid);
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // 64 runs: 1 completed (3000 steps), 1 computing at step 500, 1 queued, 61 pending.
    private static readonly GroupTotals Totals = new(64, 61, 1, 1, 1, 0, 0, 0, 3500, 2.0);

    private static SweepDmftCurves Theory()
    {
        var theory = new SweepDmftCurves(DmftCurvePlan.Requests(Spec with { Theory = new TheorySpec(TheoryWidth.Infinite, null) }));
        theory.Record(new DmftCurveProgress(theory.All.First().Key(), DmftCurveStatus.Solving));
        return theory;
    }

    [Fact]
    public void ARunningSweepShowsItsCountsStepsAndCurves()
    {
        SweepStatus status = SweepStatusBuilder.Build("id-1", Spec, SweepState.Running, interrupted: false, Totals, 64, Theory(), 12.5, 4, null, Created, "w");
        Assert.Equal(("id-1", "hard-task.rich", SweepState.Running), (status.Id, status.Name, status.State));
        Assert.Equal(new RunCounts(64, 61, 2, 1, 0, 0, 0), status.Runs);
        Assert.Equal(1, status.RunsQueued);
        Assert.Equal(1, status.RunsComputing);
        Assert.Equal(3500, status.StepsDone);
        Assert.Equal(64 * 3000, status.StepsTotal);
        Assert.Equal((12.5, 4, Created, "w"), (status.StepsPerSecond, status.Slots, status.CreatedAt, status.Warning));
        Assert.Equal((Totals.ComputeSeconds, null), (status.ComputeSeconds, status.ReportSeconds));
        Assert.True(status.TheoryTotal > 1);
        Assert.Equal((0, 1), (status.TheoryDone, status.TheorySolving));
    }

    [Fact]
    public void AnInterruptedSweepShowsItsRunsInFlightPending()
    {
        SweepStatus status = SweepStatusBuilder.Build("id-1", Spec, SweepState.Running, interrupted: true, Totals, 64, Theory(), 0, 1, null, Created, null);
        Assert.Equal(SweepState.Interrupted, status.State);
        Assert.Equal(new RunCounts(64, 63, 0, 1, 0, 0, 0), status.Runs);
        Assert.Equal(0, status.RunsQueued);
    }

    [Fact]
    public void ACompletedSweepCountsEveryCurveDone()
    {
        SweepDmftCurves theory = Theory();
        SweepStatus status = SweepStatusBuilder.Build("id-1", Spec, SweepState.Completed, interrupted: false, Totals, 64, theory, 0, 1, null, Created, null, reportSeconds: 2.25);
        Assert.Equal(theory.Count, status.TheoryDone);
        Assert.Equal(2.25, status.ReportSeconds);
    }

    [Fact]
    public void AnUnknownSweepIsEmpty()
    {
        SweepStatus status = SweepStatusBuilder.Unknown("nope");
        Assert.Equal(("nope", SweepState.Unknown, 0), (status.Id, status.State, status.Runs.Total));
    }

    [Fact]
    public void TheWarningNamesTheTickErrorFirstThenRunsWithoutStorage()
    {
        Assert.Null(SweepWarning.Of(null, 0));
        Assert.Equal("3 running runs cannot reach storage; they keep their results in memory and retry", SweepWarning.Of(null, 3));
        Assert.Equal("the sweep cannot reach storage or its runs (gone); retrying", SweepWarning.Of("gone", 3));
    }
}

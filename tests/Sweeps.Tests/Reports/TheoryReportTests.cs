using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>The report's theory curves: listed once per distinct request, linked from their groups, absent without "theory".</summary>
public class TheoryReportTests
{
    private static RunResult[] AllCompleted(SweepSpec spec) =>
        spec.Grid().Runs.Select(c => ReportFixtures.Completed(c, t => Math.Pow(t + 1, -0.4))).ToArray();

    private static DmftCurveResult Solved(DmftCurveRequest request, double scale = 1.0)
    {
        long[] steps = LogGrid.Steps(request.Steps, request.PointsPerDecade);
        double[] loss = steps.Select(t => scale * Math.Pow(t + 1, -0.5)).ToArray();
        return new DmftCurveResult(request, DmftCurveStatus.Completed, new DmftCurve(steps, loss, new double[steps.Length], 256, false, steps[^1], 1, 0.0, "dmft-infinite (eq. 43-44)"), null, 0.25);
    }

    [Fact]
    public void WithoutTheoryTheReportHasNoCurvesAndNoLinks()
    {
        SweepSpec spec = ReportFixtures.Spec();

        SweepReport report = SweepReportBuilder.Build("id", spec, AllCompleted(spec));

        Assert.Empty(report.TheoryCurves);
        Assert.All(report.Groups, g => Assert.Null(g.TheoryCurve));
    }

    [Fact]
    public void InfiniteTheoryIsOneCurvePerAlphaBetaGammaEtaSharedByEveryWidth()
    {
        SweepSpec spec = ReportFixtures.Spec(n: [16, 64], b: [8, null], steps: 1000) with { Theory = new TheorySpec(TheoryWidth.Infinite) };
        DmftCurveResult[] theory = DmftCurvePlan.Requests(spec).Select(r => Solved(r)).ToArray();

        SweepReport report = SweepReportBuilder.Build("id", spec, AllCompleted(spec), theory.Reverse().ToArray());

        Assert.Equal(2, report.TheoryCurves.Length); // gamma 0 and 1
        Assert.Equal([0.0, 1.0], report.TheoryCurves.Select(c => c.Config.Gamma));
        Assert.All(report.TheoryCurves, c =>
        {
            Assert.Equal("completed", c.Status);
            Assert.Null(c.Config.N);
            Assert.Null(c.Config.B);
            Assert.Equal(256, c.Config.Modes);
            Assert.Equal("dmft-infinite (eq. 43-44)", c.Solver);
            Assert.Equal(1, c.Iterations);
            Assert.Equal(0.0, c.Residual);
        });
        foreach (GroupReport group in report.Groups)
        {
            DmftCurveReport curve = Assert.Single(report.TheoryCurves, c => c.Key == group.TheoryCurve);
            Assert.Equal(group.Config.Gamma, curve.Config.Gamma);
            Assert.Equal(DmftCurvePlan.For(spec, group.Config)!.Key(), curve.Key);
        }

        DmftCurveResult first = theory.Single(t => t.Request.Gamma == 0.0);
        Assert.Equal(first.Curve!.Loss, report.TheoryCurves[0].Loss);
        Assert.Equal(first.Curve.Steps, report.TheoryCurves[0].Steps);
    }

    [Fact]
    public void MatchedTheoryLinksEachGroupToItsOwnWidthAndBatch()
    {
        SweepSpec spec = ReportFixtures.Spec(n: [16, 64], b: [8, null], steps: 100) with { Theory = new TheorySpec(TheoryWidth.Matched, 32) };

        SweepReport report = SweepReportBuilder.Build("id", spec, AllCompleted(spec), DmftCurvePlan.Requests(spec).Select(r => Solved(r)).ToArray());

        Assert.Equal(report.Groups.Length, report.TheoryCurves.Length);
        foreach (GroupReport group in report.Groups)
        {
            DmftCurveReport curve = report.TheoryCurves.Single(c => c.Key == group.TheoryCurve);
            Assert.Equal((long)group.Config.N, curve.Config.N);
            Assert.Equal(group.Config.B, curve.Config.B);
            Assert.Equal(32, curve.Config.Modes);
        }
    }

    [Fact]
    public void MissingAndFailedCurvesAreListedWithoutData()
    {
        SweepSpec spec = ReportFixtures.Spec(steps: 1000) with { Theory = new TheorySpec(TheoryWidth.Infinite) };
        DmftCurveRequest[] requests = DmftCurvePlan.Requests(spec).ToArray();
        var failed = new DmftCurveResult(requests[1], DmftCurveStatus.Failed, null, "ArgumentOutOfRangeException: boom");

        SweepReport report = SweepReportBuilder.Build("id", spec, AllCompleted(spec), [failed]);

        Assert.Equal(["missing", "failed"], report.TheoryCurves.Select(c => c.Status));
        Assert.Empty(report.TheoryCurves[0].Loss);
        Assert.Null(report.TheoryCurves[0].Solver);
        Assert.Equal("ArgumentOutOfRangeException: boom", report.TheoryCurves[1].Error);
    }

    [Fact]
    public void TheoryResultsOutsideTheSpecOrTwiceAreRefused()
    {
        SweepSpec spec = ReportFixtures.Spec(steps: 1000) with { Theory = new TheorySpec(TheoryWidth.Infinite) };
        DmftCurveRequest request = DmftCurvePlan.Requests(spec)[0];

        Assert.Throws<ArgumentException>(() => SweepReportBuilder.Build("id", spec, AllCompleted(spec), [Solved(request), Solved(request)]));
        Assert.Throws<ArgumentException>(() => SweepReportBuilder.Build("id", spec, AllCompleted(spec), [Solved(request with { Eta = 0.01 })]));
    }
}

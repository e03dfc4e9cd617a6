using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>The exact floor in a sweep's report: per group (seed mean, SE) and per frontier (exponent over N, both theory exponents).</summary>
public sealed class FloorReportTests
{
    [Fact]
    public void EachGroupHasItsSeedsFloorAndEachFrontierTheExponentBesideBothTheories()
    {
        SweepSpec spec = ReportFixtures.Spec(beta: [1.5], gamma: [0.0, 1.0], n: [16, 32, 64], seeds: [1, 2, 3]);
        SweepReport report = SweepReportBuilder.Build(
            "id", spec, spec.Grid().Runs.Select(c => ReportFixtures.Completed(c, t => Math.Pow(t + 1, -1.5) + Math.Pow(c.N, -2.0))).ToList());

        Assert.Null(report.FloorsSkipped);
        var spectrum = Spectrum.PowerLaw(2.0, 1.5, spec.M);
        foreach (GroupReport group in report.Groups)
        {
            double[] seeds = [.. spec.Seeds.Select(s => ProjectedFloor.Compute(s, spectrum, group.Config.N))];
            GroupFloor floor = Assert.IsType<GroupFloor>(group.Floor);
            Assert.Equal(seeds.Average(), floor.Mean, 1e-15 * floor.Mean);
            Assert.True(floor.Sem > 0);
        }

        Assert.Equal(2, report.Floors.Length); // one per gamma: the frontiers
        foreach (FloorScalingReport line in report.Floors)
        {
            Assert.Equal([16, 32, 64], line.Points.Select(p => p.N));
            Assert.Equal(3.0, line.PaperExponent, 12);
            Assert.Equal(2.0, line.CorrectedExponent, 12);
            Assert.Null(line.Reason);
            double[] ci = Assert.IsType<double[]>(line.Ci);
            Assert.InRange(line.Exponent!.Value, ci[0], ci[1]);
        }

        // The floor depends on neither gamma nor the runs: both lines agree bit for bit.
        Assert.Equal(report.Floors[0].Points, report.Floors[1].Points);
        Assert.Equal(report.Floors[0].Exponent, report.Floors[1].Exponent);
    }

    [Fact]
    public void TheLinearNetworkHasNoFloorAndSaysWhy()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [1.0], n: [16, 32], model: ModelKind.LinearNetwork);
        SweepReport report = SweepReportBuilder.Build("id", spec, spec.Grid().Runs.Select(c => ReportFixtures.Completed(c, t => 1.0 / (t + 1))).ToList());
        Assert.All(report.Groups, g => Assert.Null(g.Floor));
        Assert.Contains("model 'linear-network' has none", report.FloorsSkipped, StringComparison.Ordinal);
        FloorScalingReport line = Assert.Single(report.Floors);
        Assert.Empty(line.Points);
        Assert.Equal(report.FloorsSkipped, line.Reason);
    }

    [Fact]
    public void FloorsBeyondTheBudgetAreLeftOutWithTheReason()
    {
        SweepSpec spec = ReportFixtures.Spec(n: [1024, 2048]) with { M = 100_000 };
        Assert.All(SweepFloors.Compute(spec.Grid()), f => Assert.Null(f));
        Assert.Contains("exceed the report's budget", SweepFloors.Skipped(spec.Grid()), StringComparison.Ordinal);
    }
}

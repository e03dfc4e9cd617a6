using System.Text.Json;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Sweeps.Tests.Reports;

public class SweepReportBuilderTests
{
    [Fact]
    public void GroupsEqualADirectSeedAggregateOfTheSameCurvesBitForBit()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.0, 0.5, 1.0], n: [32, 64], seeds: [1, 2, 3, 4]);
        var results = new List<RunResult>();
        foreach (SimulationConfig c in spec.Grid().Runs)
        {
            results.Add(c.Seed == 3 && c.Gamma == 0.5
                ? ReportFixtures.Diverged(c, 400)
                : ReportFixtures.Completed(c, t => (1 + c.Gamma) * Math.Pow(t + 1, -0.5) * ReportFixtures.Noise(c.Seed, t)));
        }

        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        Assert.Equal(6, report.Groups.Length);
        foreach (GroupReport group in report.Groups)
        {
            SeedCurve[] curves = results
                .Where(r => SweepGrid.GroupOf(r.Config) == group.Config)
                .OrderBy(r => r.Config.Seed)
                .Select(r => new SeedCurve(r.Curve!.Steps, r.Curve.Loss, r.Progress.Status == RunStatus.Diverged))
                .ToArray();
            SeedAggregateResult direct = SeedAggregate.Compute(curves);
            Assert.Equal(Bits(direct.Mean), Bits(group.Mean));
            Assert.Equal(Bits(direct.Sem), Bits(group.Sem));
            Assert.Equal(direct.Steps, group.Steps);
            Assert.Equal(direct.Used, group.Seeds);
            Assert.Equal(direct.Diverged, group.Diverged);

            PowerLawFitResult fit = PowerLawFit.FitSeeds(curves);
            Assert.NotNull(group.Fit);
            Assert.Equal(BitConverter.DoubleToInt64Bits(fit.Exponent), BitConverter.DoubleToInt64Bits(group.Fit!.Exponent));
            Assert.Equal([fit.Ci.Lo, fit.Ci.Hi], group.Fit.Ci!);
        }
    }

    [Fact]
    public void GroupsFollowTheSpecGridOrder()
    {
        SweepSpec spec = ReportFixtures.Spec(beta: [1.2, 0.4], gamma: [1.0, 0.0], n: [64, 16], b: [null, 8], seeds: [1]);
        List<RunResult> results = spec.Grid().Runs.Select(c => ReportFixtures.Completed(c, t => Math.Pow(t + 1, -0.5))).ToList();
        results.Reverse(); // the order of the results must not matter

        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        var expected = new List<GroupConfig>();
        foreach (double beta in spec.Beta)
        foreach (double gamma in spec.Gamma)
        foreach (int n in spec.N)
        foreach (long? b in spec.B)
        {
            expected.Add(new GroupConfig(2.0, beta, gamma, n, b, 0.05, 1000, 10_000));
        }

        Assert.Equal(expected, report.Groups.Select(g => g.Config));
        Assert.Equal(
            [new FrontierConfig(2, 1.2, 1, null, 0.05), new FrontierConfig(2, 1.2, 1, 8, 0.05), new FrontierConfig(2, 1.2, 0, null, 0.05),
             new FrontierConfig(2, 1.2, 0, 8, 0.05), new FrontierConfig(2, 0.4, 1, null, 0.05), new FrontierConfig(2, 0.4, 1, 8, 0.05),
             new FrontierConfig(2, 0.4, 0, null, 0.05), new FrontierConfig(2, 0.4, 0, 8, 0.05)],
            report.Frontiers.Select(f => f.Config));
    }

    [Fact]
    public void APowerLawCurveGivesItsExponentWithin1e6()
    {
        // Seeds differ by a constant factor only, so the mean and every bootstrap mean are exact power laws.
        SweepSpec spec = ReportFixtures.Spec(gamma: [1.0], seeds: [1, 2, 3]);
        RunResult[] results = spec.Grid().Runs
            .Select(c => ReportFixtures.Completed(c, t => c.Seed * Math.Pow(Math.Max(t, 1), -0.7)))
            .ToArray();

        GroupReport group = Assert.Single(SweepReportBuilder.Build("id", spec, results).Groups);

        Assert.Null(group.FitError);
        Assert.Equal(0.7, group.Fit!.Exponent, 1e-6);
        Assert.Equal(0.7, group.Fit.Ci![0], 1e-6);
        Assert.Equal(0.7, group.Fit.Ci[1], 1e-6);
        Assert.Equal(Math.Log(2.0), group.Fit.Intercept, 1e-6);
        Assert.Equal([100L, 10_000L], group.Fit.Window); // the default window, the last two decades
        Assert.Equal(Exponents.ChiRich(0.4), group.Theory.Exponent);
        Assert.Equal("hard", group.Theory.Phase);
        Assert.Equal("rich", group.Theory.Regime);
    }

    [Fact]
    public void TheSpecFitWindowIsUsed()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.0], seeds: [1, 2], window: new FitWindow(10, 1000));
        RunResult[] results = spec.Grid().Runs.Select(c => ReportFixtures.Completed(c, t => Math.Pow(Math.Max(t, 1), -0.7))).ToArray();

        GroupReport group = Assert.Single(SweepReportBuilder.Build("id", spec, results).Groups);

        Assert.Equal([10L, 1000L], group.Fit!.Window);
        Assert.Equal(21, group.Fit.Points);
        Assert.Equal(0.4, group.Theory.Exponent);
        Assert.Equal("lazy", group.Theory.Regime);
    }

    [Fact]
    public void DivergedRunsAreLeftOutOfTheMeanAndListed()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [1.0], seeds: [1, 2, 3, 4]);
        IReadOnlyList<SimulationConfig> runs = spec.Grid().Runs;
        RunResult[] results =
        [
            ReportFixtures.Completed(runs[0], t => 1.0 / (t + 1)),
            ReportFixtures.Diverged(runs[1], 250),
            ReportFixtures.Completed(runs[2], t => 3.0 / (t + 1)),
            ReportFixtures.Failed(runs[3], "out of memory"),
        ];

        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        GroupReport group = Assert.Single(report.Groups);
        Assert.Equal(2, group.Seeds);
        Assert.Equal(1, group.Diverged);
        Assert.Equal(1, group.Missing);
        Assert.Equal(2.0 / 11, group.Mean[Array.IndexOf(group.Steps, 10L)], 1e-15);
        Assert.Equal(new RunCounts(4, 0, 0, 2, 1, 1, 0), report.Runs);

        Assert.Equal(2, report.Issues.Length);
        RunIssue diverged = report.Issues[0];
        Assert.Equal(("diverged", 2UL, 250L), (diverged.Status, diverged.Seed, diverged.DivergedAtStep!.Value));
        Assert.Equal(runs[1].Fingerprint(), diverged.Key);
        Assert.Equal(group.Config, diverged.Config);
        RunIssue failed = report.Issues[1];
        Assert.Equal(("failed", 4UL, "out of memory"), (failed.Status, failed.Seed, failed.Error));
        Assert.Null(failed.DivergedAtStep);
    }

    [Fact]
    public void AGroupWhoseSeedsAllDivergedHasNoMeanAndSaysWhy()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [1.0], seeds: [1, 2]);
        RunResult[] results = spec.Grid().Runs.Select(c => ReportFixtures.Diverged(c, 100)).ToArray();

        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        GroupReport group = Assert.Single(report.Groups);
        Assert.Empty(group.Mean);
        Assert.Equal((0, 2), (group.Seeds, group.Diverged));
        Assert.Null(group.Fit);
        Assert.Contains("All 2 seeds", group.FitError);
        Assert.Equal(2, report.Issues.Length);
    }

    [Fact]
    public void MissingResultsAreCountedUnderTheirStatus()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.0, 1.0], seeds: [1, 2, 3]);
        IReadOnlyList<SimulationConfig> runs = spec.Grid().Runs;
        RunResult[] results =
        [
            ReportFixtures.Completed(runs[0], t => 1.0 / (t + 1)),
            ReportFixtures.WithStatus(runs[1], RunStatus.Cancelled),
            ReportFixtures.WithStatus(runs[2], RunStatus.Running),
            ReportFixtures.WithStatus(runs[3], RunStatus.Queued),
            ReportFixtures.WithStatus(runs[4], RunStatus.Pending),

            // runs[5] has no result at all
        ];

        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        Assert.Equal(new RunCounts(6, 3, 1, 1, 0, 0, 1), report.Runs);
        Assert.Equal((1, 2), (report.Groups[0].Seeds, report.Groups[0].Missing));
        Assert.Equal(1.0 / 11, report.Groups[0].Mean[Array.IndexOf(report.Groups[0].Steps, 10L)]); // the one seed's own curve
        Assert.Equal((0, 3), (report.Groups[1].Seeds, report.Groups[1].Missing));
        Assert.Contains("No seed has completed", report.Groups[1].FitError);
        Assert.Empty(report.Issues);
        Assert.Empty(report.Frontiers); // one width only
    }

    [Fact]
    public void TheFrontierOfASumOfPowerLawsHasTheAnalyticComputeExponent()
    {
        // L(t, N) = t^-b + N^-a: minimising over N at fixed C = N t gives L* ~ C^-(a b / (a + b)) exactly.
        const double a = 0.8;
        const double b = 0.6;
        int[] widths = [16, 32, 64, 128, 256, 512, 1024];
        SweepSpec spec = ReportFixtures.Spec(gamma: [1.0], n: widths, seeds: [1, 2], steps: 1_000_000, pointsPerDecade: 40);
        RunResult[] results = spec.Grid().Runs
            .Select(c => ReportFixtures.Completed(c, t => Math.Pow(Math.Max(t, 1), -b) + Math.Pow(c.N, -a)))
            .ToArray();

        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        FrontierReport frontier = Assert.Single(report.Frontiers);
        Assert.Null(frontier.Reason);
        double tolerance = FrontierTolerance(frontier, LogGridSteps(spec), a, b);
        Assert.InRange(tolerance, 1e-4, 0.01);
        Assert.InRange(frontier.Exponent!.Value, (a * b / (a + b)) - tolerance, (a * b / (a + b)) + tolerance);
        Assert.NotNull(frontier.Ci);
        Assert.NotNull(frontier.Intercept);
        Assert.Equal(2, frontier.FitRange!.Length);
        Assert.Contains(frontier.Points, p => p.Interior && p.N == 128);
        Assert.Equal(Exponents.ComputeOptimalRich(2.0, 0.4), frontier.Theory.Exponent);
        Assert.Equal("hard", frontier.Theory.Phase);
    }

    [Fact]
    public void AFrontierWithTwoWidthsHasPointsButNoFitAndAReason()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.0], n: [16, 32], seeds: [1]);
        RunResult[] results = spec.Grid().Runs
            .Select(c => ReportFixtures.Completed(c, t => Math.Pow(Math.Max(t, 1), -0.5) + Math.Pow(c.N, -0.8)))
            .ToArray();

        FrontierReport frontier = Assert.Single(SweepReportBuilder.Build("id", spec, results).Frontiers);

        Assert.NotEmpty(frontier.Points);
        Assert.Null(frontier.Exponent);
        Assert.Null(frontier.Ci);
        Assert.Null(frontier.FitRange);
        Assert.Contains("at least 3", frontier.Reason);
        Assert.Equal(Exponents.ComputeOptimalLazy(2.0, 0.4), frontier.Theory.Exponent);
    }

    [Fact]
    public void BuildingTwiceGivesTheSameJson()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.0, 1.0], n: [16, 32, 64, 128], seeds: [1, 2, 3]);
        List<RunResult> results = spec.Grid().Runs
            .Select(c => c.Seed == 2 && c.N == 32
                ? ReportFixtures.Diverged(c, 300)
                : ReportFixtures.Completed(c, t => (Math.Pow(t + 1, -0.5) + Math.Pow(c.N, -0.8)) * ReportFixtures.Noise(c.Seed, t)))
            .ToList();

        string first = JsonSerializer.Serialize(SweepReportBuilder.Build("id", spec, results));
        results.Reverse();
        string second = JsonSerializer.Serialize(SweepReportBuilder.Build("id", spec, results));

        Assert.Equal(first, second);
        Assert.DoesNotContain("NaN", first);
    }

    [Fact]
    public void TheLinearNetworkSaysWhereItsExponentsComeFrom()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.1], n: [16, 32], seeds: [1], model: ModelKind.LinearNetwork);
        RunResult[] results = spec.Grid().Runs.Select(c => ReportFixtures.Completed(c, t => Math.Pow(t + 1, -0.5))).ToArray();

        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        Assert.Equal("linear-network", report.Model);
        Assert.StartsWith("hard; linear network:", report.Groups[0].Theory.Phase);
        Assert.Equal(Exponents.ChiRich(0.4), report.Groups[0].Theory.Exponent);
        Assert.StartsWith("hard; linear network:", report.Frontiers[0].Theory.Phase);
    }

    [Fact]
    public void AResultThatIsNotARunOfTheSpecIsRejected()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [1.0], seeds: [1]);
        SimulationConfig other = spec.Grid().Runs[0] with { Seed = 99 };
        RunResult run = ReportFixtures.Completed(spec.Grid().Runs[0], t => 1.0);

        var error = Assert.Throws<ArgumentException>(() => SweepReportBuilder.Build("id", spec, [ReportFixtures.Completed(other, t => 1.0)]));
        Assert.Contains("not a run", error.Message);
        error = Assert.Throws<ArgumentException>(() => SweepReportBuilder.Build("id", spec, [run, run]));
        Assert.Contains("twice", error.Message);
    }

    private static long[] Bits(IReadOnlyList<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static long[] LogGridSteps(SweepSpec spec) => LogGrid.Steps(spec.Steps, spec.PointsPerDecade);

    /// <summary>
    /// The slope error bound derived in the numerics tests (ComputeFrontierTests.Tolerance): widths a
    /// factor 2 apart put the envelope at most p = max log g(2^(+-1/2)) above L*, with
    /// g(s) = (a s^b + b s^-a) / (a + b); log-log interpolation adds at most e = h^2 b^2 / 32 for the
    /// widest log step h; a deviation in [0, p + e] moves the least-squares slope by at most
    /// (p + e) / 2 * sum |x - mean x| / sum (x - mean x)^2 over the fitted x = log C.
    /// </summary>
    private static double FrontierTolerance(FrontierReport frontier, long[] steps, double a, double b)
    {
        double G(double s) => ((a * Math.Pow(s, b)) + (b * Math.Pow(s, -a))) / (a + b);
        double p = Math.Max(Math.Log(G(Math.Sqrt(2))), Math.Log(G(1 / Math.Sqrt(2))));
        double h = 0;
        for (int i = 1; i < steps.Length; i++)
        {
            if (steps[i - 1] >= 1)
            {
                h = Math.Max(h, Math.Log((double)steps[i] / steps[i - 1]));
            }
        }

        double e = h * h * b * b / 32;
        double[] x = frontier.Points.Where(q => q.Interior).Select(q => Math.Log(q.C)).ToArray();
        double mean = x.Average();
        double absolute = x.Sum(xi => Math.Abs(xi - mean));
        double squares = x.Sum(xi => (xi - mean) * (xi - mean));
        return (p + e) / 2 * absolute / squares;
    }
}

using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Numerics.Tests.Analysis;

public class ComputeFrontierTests
{
    // L(t, N) = t^-b + N^-a: optimising N at fixed C = N t gives exactly L* ~ C^-(a b / (a + b)).
    private const double A = 0.8;
    private const double B = 0.6;
    private const double TrueExponent = A * B / (A + B);
    private const long LastStep = 1_000_000;

    private static readonly int[] Widths = [16, 32, 64, 128, 256, 512, 1024];

    [Fact]
    public void TheSumOfPowerLawsGivesTheKnownComputeExponentWithinTheDerivedTolerance()
    {
        long[] steps = SyntheticCurves.LogSteps(LastStep, perDecade: 40);
        ComputeFrontierResult result = ComputeFrontier.Compute(SumCurves(steps, seeds: 0, sigma: 0));

        Assert.True(result.IsFitted, result.Reason);
        double tolerance = Tolerance(result, steps);
        Assert.InRange(tolerance, 1e-4, 0.01); // the derivation below gives a meaningful, tight bound
        Assert.InRange(result.Exponent, TrueExponent - tolerance, TrueExponent + tolerance);
        foreach (FrontierPoint p in result.Points)
        {
            if (p.Interior)
            {
                Assert.InRange(p.Width, Widths[1], Widths[^2]);
                Assert.InRange(p.Compute, result.FitRange.CMin, result.FitRange.CMax);
            }
        }

        // Every interior width wins somewhere, so the fit spans five whole periods of the scallops.
        for (int j = 1; j < Widths.Length - 1; j++)
        {
            Assert.Contains(result.Points, p => p.Interior && p.Width == Widths[j]);
        }
    }

    [Fact]
    public void TheEnvelopeIsTheMinimumOverTheWidthsThatReachEachCompute()
    {
        // For L = N^-0.5 t^-0.3 the log-log interpolation is exact, so the envelope can be checked
        // to rounding against the formula, over the widths whose steps reach t = C / N.
        long[] steps = SyntheticCurves.LogSteps(1_000, perDecade: 10);
        int[] widths = [4, 8, 16];
        var curves = new List<WidthCurve>();
        foreach (int n in widths)
        {
            curves.Add(new WidthCurve(n, steps, SyntheticCurves.Evaluate(steps, t => Math.Pow(n, -0.5) * Math.Pow(t, -0.3))));
        }

        IReadOnlyList<FrontierPoint> points = ComputeFrontier.Envelope(curves, pointsPerDecade: 10);

        Assert.Equal(Math.Log10(4), Math.Log10(points[0].Compute), 0.1 + 1e-12); // first grid point at or above 4 * 1
        foreach (FrontierPoint p in points)
        {
            Assert.Equal(Math.Round(10 * Math.Log10(p.Compute)), 10 * Math.Log10(p.Compute), 1e-9);
            double best = double.PositiveInfinity;
            int bestWidth = 0;
            foreach (int n in widths)
            {
                double t = p.Compute / n;
                double value = Math.Pow(n, -0.5) * Math.Pow(t, -0.3);
                if (t >= 1 - 1e-9 && t <= 1000 + 1e-6 && value < best)
                {
                    best = value;
                    bestWidth = n;
                }
            }

            Assert.Equal(best, p.Loss, best * 1e-12);
            Assert.Equal(bestWidth, p.Width);
        }

        // The last grid point is the largest 10^(k / 10) the widest run reaches, 16 * 1000.
        Assert.Equal(Math.Pow(10, 42 / 10.0), points[^1].Compute, 1e-9);
    }

    [Fact]
    public void AnEnvelopeWonByTheLargestWidthWhereverItIsEvaluatedGivesNoFit()
    {
        // L = N^-1 t^-0.1: at fixed C the loss is N^-0.9 C^-0.1, so the widest model always wins.
        long[] steps = SyntheticCurves.LogSteps(10_000, perDecade: 20);
        int[] widths = [16, 32, 64, 128];
        var curves = new List<WidthCurve>();
        foreach (int n in widths)
        {
            curves.Add(new WidthCurve(n, steps, SyntheticCurves.Evaluate(steps, t => Math.Pow(t, -0.1) / n)));
        }

        ComputeFrontierResult result = ComputeFrontier.Compute(curves);

        Assert.False(result.IsFitted);
        Assert.True(double.IsNaN(result.Exponent));
        Assert.True(double.IsNaN(result.Ci.Lo) && double.IsNaN(result.Ci.Hi));
        Assert.Equal(0, result.FitPoints);
        Assert.Contains("the largest width 128 wins", result.Reason);
        Assert.NotEmpty(result.Points);
        Assert.All(result.Points, p => Assert.False(p.Interior));
        Assert.All(result.Points, p => Assert.True(p.Compute < 128 || p.Width == 128));
    }

    [Fact]
    public void AnEnvelopeWonByTheSmallestWidthGivesNoFit()
    {
        // No width bottleneck: L = t^-0.5 for every N, so at fixed C the narrowest model wins.
        long[] steps = SyntheticCurves.LogSteps(10_000, perDecade: 20);
        var curves = new List<WidthCurve>();
        foreach (int n in new[] { 16, 32, 64 })
        {
            curves.Add(new WidthCurve(n, steps, SyntheticCurves.Evaluate(steps, t => Math.Pow(t, -0.5))));
        }

        ComputeFrontierResult result = ComputeFrontier.Compute(curves);

        Assert.False(result.IsFitted);
        Assert.Contains("the smallest width 16 wins", result.Reason);
    }

    [Fact]
    public void FewerThanThreeWidthsGiveNoFit()
    {
        long[] steps = SyntheticCurves.LogSteps(LastStep, perDecade: 20);
        ComputeFrontierResult result = ComputeFrontier.Compute(SumCurves(steps, seeds: 0, sigma: 0)[..2]);

        Assert.False(result.IsFitted);
        Assert.Contains("Only 2 width(s)", result.Reason);
    }

    [Fact]
    public void TheBootstrapOverSeedsGivesAnIntervalAroundTheExponent()
    {
        // 8 seeds per width with 2 % multiplicative noise; the seed mean carries about 0.7 % noise
        // per point, far below the grid tolerance, so the interval must contain the point estimate
        // and reach the true exponent within the discretisation tolerance of the first test.
        long[] steps = SyntheticCurves.LogSteps(LastStep, perDecade: 40);
        ComputeFrontierResult result = ComputeFrontier.Compute(SumCurves(steps, seeds: 8, sigma: 0.02), resamples: 200, seed: 4);

        Assert.True(result.IsFitted, result.Reason);
        Assert.Equal(200, result.BootstrapFits);
        Assert.True(result.Ci.Lo < result.Ci.Hi);
        Assert.InRange(result.Exponent, result.Ci.Lo, result.Ci.Hi);
        double tolerance = Tolerance(result, steps);
        Assert.InRange(TrueExponent, result.Ci.Lo - tolerance, result.Ci.Hi + tolerance);
    }

    [Fact]
    public void IdenticalSeedsGiveADegenerateInterval()
    {
        long[] steps = SyntheticCurves.LogSteps(LastStep, perDecade: 20);
        ComputeFrontierResult result = ComputeFrontier.Compute(SumCurves(steps, seeds: 4, sigma: 0), resamples: 50);

        Assert.Equal(result.Exponent, result.Ci.Lo, 1e-12);
        Assert.Equal(result.Exponent, result.Ci.Hi, 1e-12);
    }

    [Fact]
    public void RepeatedOrInvalidWidthsAreRejected()
    {
        long[] steps = [0, 1, 10];
        double[] loss = [1, 1, 0.5];
        var error = Assert.Throws<ArgumentException>(() => ComputeFrontier.Compute(
            [new WidthCurve(8, steps, loss), new WidthCurve(8, steps, loss)]));
        Assert.Contains("Width 8 appears twice", error.Message);

        Assert.Throws<ArgumentException>(() => ComputeFrontier.Compute([new WidthCurve(0, steps, loss)]));

        error = Assert.Throws<ArgumentException>(() => ComputeFrontier.Compute([new WidthCurve(8, steps, [1, 1, 0])]));
        Assert.Contains("Width 8", error.Message);
        Assert.Contains("step 10", error.Message);
    }

    private static WidthCurve[] SumCurves(long[] steps, int seeds, double sigma)
    {
        var curves = new WidthCurve[Widths.Length];
        for (int j = 0; j < Widths.Length; j++)
        {
            int n = Widths[j];
            Func<double, double> f = t => Math.Pow(t, -B) + Math.Pow(n, -A);
            if (seeds == 0)
            {
                curves[j] = new WidthCurve(n, steps, SyntheticCurves.Evaluate(steps, f));
                continue;
            }

            SeedCurve[] seedCurves = SyntheticCurves.NoisySeeds(steps, f, seeds, sigma, seed: 100 + j);
            SeedAggregateResult mean = SeedAggregate.Compute(seedCurves);
            curves[j] = new WidthCurve(n, steps, mean.Mean, seedCurves);
        }

        return curves;
    }

    /// <summary>
    /// A bound on the slope error of the fitted frontier, derived from the construction:
    /// (1) Discrete widths. With widths a factor 2 apart, some width lies within a factor sqrt 2 of
    ///     the continuous optimum N*, and L(C/(s N*), s N*) / L*(C) = (a s^b + b s^-a) / (a + b) =: g(s);
    ///     so 0 &lt;= log L_env - log L* &lt;= p = max(log g(sqrt 2), log g(1 / sqrt 2)).
    /// (2) Interpolation. log L is convex in log t with second derivative at most b^2 / 4, so linear
    ///     interpolation over a step of h in log t overestimates by at most h^2 b^2 / 32 =: e, with h
    ///     the widest gap between recorded steps t &gt;= 1.
    /// A deviation d_i in [0, p + e] shifts the least-squares slope by sum (x_i - mean x) d_i /
    /// sum (x_i - mean x)^2, at most (p + e) / 2 * sum |x_i - mean x| / sum (x_i - mean x)^2
    /// (subtract the mid-value (p + e) / 2 first, which leaves the slope unchanged). x_i = log C_i
    /// over the fitted points.
    /// </summary>
    private static double Tolerance(ComputeFrontierResult result, long[] steps)
    {
        static double G(double s) => ((A * Math.Pow(s, B)) + (B * Math.Pow(s, -A))) / (A + B);
        double p = Math.Max(Math.Log(G(Math.Sqrt(2))), Math.Log(G(1 / Math.Sqrt(2))));

        double h = 0;
        for (int i = 1; i < steps.Length; i++)
        {
            if (steps[i - 1] >= 1)
            {
                h = Math.Max(h, Math.Log((double)steps[i] / steps[i - 1]));
            }
        }

        double e = h * h * B * B / 32;
        var x = new List<double>();
        foreach (FrontierPoint point in result.Points)
        {
            if (point.Interior)
            {
                x.Add(Math.Log(point.Compute));
            }
        }

        double mean = x.Average();
        double absolute = 0;
        double squares = 0;
        foreach (double xi in x)
        {
            absolute += Math.Abs(xi - mean);
            squares += (xi - mean) * (xi - mean);
        }

        return (p + e) / 2 * absolute / squares;
    }
}

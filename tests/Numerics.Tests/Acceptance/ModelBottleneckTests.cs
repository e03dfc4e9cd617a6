using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Acceptance;

/// <summary>The model-size bottleneck L(t -> inf, N) ~ N^-(alpha min(2, beta)) (eq. 12) over four widths.</summary>
public class ModelBottleneckTests(ITestOutputHelper output)
{
    /// <summary>
    /// Hard task alpha = 2, beta = 0.4, rich (gamma = 1, which reaches the plateau sooner),
    /// B infinite and eta = 0.5 so that N = 16..128 converge within 2 x 10^5 steps (checked: the last
    /// recorded half decade moves the loss by under 0.5 %). The fitted exponent of L(T) against N is
    /// compared with alpha beta = 0.8 with a tolerance of |p - 0.8| + 0.05 + 4 SE, where p is the
    /// slope of the sharp-cutoff form sum_{k > N} k^-(alpha beta + 1) over the same widths (its
    /// finite-N curvature), 0.05 allows for the random projection's soft cutoff, and SE is the
    /// standard error of the slope across seeds.
    /// </summary>
    [Fact]
    public void PlateauScalesAsNToTheMinusAlphaBeta()
    {
        const double alpha = 2.0, beta = 0.4;
        int[] widths = [16, 32, 64, 128];
        const int seeds = 8;
        var plateau = new double[seeds, widths.Length];
        for (int w = 0; w < widths.Length; w++)
        {
            var template = new SimulationConfig(ModelKind.Projected, alpha, beta, 2000, 1.0, widths[w], null, 0.5, 200_000, 0);
            var curves = SeedRuns.Run(template, seeds);
            for (int s = 0; s < seeds; s++)
            {
                var loss = curves[s].Loss;
                Assert.True(Math.Abs(loss[^1] - loss[^6]) <= 5e-3 * loss[^1], $"N = {widths[w]} seed {s} has not converged");
                plateau[s, w] = loss[^1];
            }
        }

        var logN = widths.Select(n => Math.Log(n)).ToArray();
        var slopes = Enumerable.Range(0, seeds)
            .Select(s => -MathNet.Numerics.Fit.Line(logN, widths.Select((_, w) => Math.Log(plateau[s, w])).ToArray()).B)
            .ToArray();
        double meanCurve(int w) => Enumerable.Range(0, seeds).Average(s => plateau[s, w]);
        double measured = -MathNet.Numerics.Fit.Line(logN, widths.Select((_, w) => Math.Log(meanCurve(w))).ToArray()).B;
        double se = MathNet.Numerics.Statistics.Statistics.StandardDeviation(slopes) / Math.Sqrt(seeds);

        double sharpCutoff = -MathNet.Numerics.Fit.Line(logN, widths.Select(n =>
            Math.Log(Enumerable.Range(n + 1, 200_000).Sum(k => Math.Pow(k, -(alpha * beta + 1))))).ToArray()).B;
        double tolerance = Math.Abs(sharpCutoff - alpha * beta) + 0.05 + 4 * se;
        output.WriteLine($"model bottleneck: measured {measured:F4} (SE {se:F4}), sharp cutoff {sharpCutoff:F4}, theory {alpha * beta:F4}");
        Assert.True(Math.Abs(measured - alpha * beta) <= tolerance,
            $"bottleneck exponent {measured:F4} (SE {se:F4}) against alpha beta = 0.8, tolerance {tolerance:F4} (sharp cutoff {sharpCutoff:F4})");
    }
}

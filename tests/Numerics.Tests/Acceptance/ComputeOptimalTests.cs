using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Acceptance;

/// <summary>Compute-optimal exponents r_C of Table 1 for a hard task, lazy and rich.</summary>
public class ComputeOptimalTests(ITestOutputHelper output)
{
    /// <summary>
    /// alpha = 2, beta = 0.4 (hard): Table 1 gives lazy alpha beta/(alpha + 1) = 0.8/3 = 0.267 and
    /// rich 2 alpha beta/(alpha(1 + beta) + 2) = 1.6/4.8 = 0.333. Widths 16..256, T = 30000,
    /// B infinite (the hard-task optimum balances gradient flow against the model bottleneck; the
    /// SGD term does not enter), 4 seeds. The frontier is fitted only where the optimal N is
    /// interior. Tolerance: 3 bootstrap SE plus 0.025 for the pre-asymptotic curvature of five
    /// widths a factor 2 apart (the synthetic-sum test of ComputeFrontier bounds the grid part
    /// alone at 0.005). Also the rich exponent must beat the lazy one.
    /// </summary>
    [Fact]
    public void HardTaskFrontierExponentsMatchTableOne()
    {
        int[] widths = [16, 32, 64, 128, 256];
        ComputeFrontierResult Frontier(double gamma)
        {
            var curves = widths.Select(n =>
            {
                var seeds = SeedRuns.Run(new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 4000, gamma, n, null, 0.05, 30_000, 0), 4);
                var mean = SeedAggregate.Compute(seeds);
                return new WidthCurve(n, mean.Steps, mean.Mean, seeds);
            }).ToList();
            return ComputeFrontier.Compute(curves, resamples: 300);
        }

        var lazy = Frontier(0.0);
        var rich = Frontier(1.0);
        Assert.True(lazy.IsFitted, lazy.Reason);
        Assert.True(rich.IsFitted, rich.Reason);
        foreach (var (name, result, table) in new[] { ("lazy", lazy, 0.8 / 3), ("rich", rich, 1.6 / 4.8) })
        {
            double se = SeedRuns.StandardError(result.Ci);
            output.WriteLine($"{name} r_C = {result.Exponent:F4} CI ({result.Ci.Lo:F4}, {result.Ci.Hi:F4}) over C in [{result.FitRange.CMin:G3}, {result.FitRange.CMax:G3}], Table 1: {table:F4}");
            Assert.True(Math.Abs(result.Exponent - table) <= 3 * se + 0.025,
                $"{name} r_C = {result.Exponent:F4} (SE {se:F4}) against Table 1's {table:F4}");
        }

        Assert.True(rich.Exponent > lazy.Exponent, $"rich r_C {rich.Exponent:F4} should exceed lazy {lazy.Exponent:F4}");
    }
}

using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Analysis;

/// <summary>
/// The exponent of the exact model-size floor over N = 16..128, seeds 0..7, M = 4000 (M/N &gt;= 31, so the
/// truncated modes change the variance of the unlearnable tail by under (N/M)^(alpha-1) = 3% at alpha = 2).
/// SE is the bootstrap standard error of the exponent over seeds, (CI width)/(2 x 1.96).
/// </summary>
public class FloorScalingTests(ITestOutputHelper output)
{
    private static readonly int[] Widths = [16, 32, 64, 128];
    private static readonly ulong[] Seeds = [0, 1, 2, 3, 4, 5, 6, 7];

    /// <summary>
    /// Hard task alpha = 2, beta = 0.4: eq. 12 and the corrected law agree on alpha beta = 0.8. Tolerance
    /// |p - 0.8| + 0.05 + 4 SE, with p the slope of the sharp-cutoff form sum_{k &gt; N} k^-(alpha beta + 1) over the
    /// same widths (its finite-N curvature) and 0.05 for the random projection's soft cutoff.
    /// </summary>
    [Fact]
    public void HardTaskFollowsAlphaBeta()
    {
        FloorScalingResult result = Compute(2.0, 0.4);
        double x = result.Fit!.Exponent, se = StandardError(result.Fit);
        double sharpCutoff = SharpCutoffSlope(2.0, 0.4);
        double tolerance = Math.Abs(sharpCutoff - 0.8) + 0.05 + 4 * se;
        output.WriteLine($"alpha 2, beta 0.4: x = {x:F4} (SE {se:F4}), sharp cutoff {sharpCutoff:F4}; eq. 12 {result.PaperExponent}, corrected {result.MeasuredExponent}");
        Assert.Equal(0.8, result.PaperExponent, 12);
        Assert.Equal(0.8, result.MeasuredExponent, 12);
        Assert.True(Math.Abs(x - 0.8) <= tolerance, $"x = {x:F4} against 0.8, tolerance {tolerance:F4}");
    }

    /// <summary>
    /// Easy task alpha = 2, beta = 1.5: the floor follows alpha min(1, beta) = 2, not eq. 12's alpha min(2, beta) = 3.
    /// Accepted: |x - 2| &lt;= 0.1 + 4 SE (0.1 for the finite-N curvature seen at these widths); rejected: eq. 12,
    /// whose value must lie more than 0.5 + 4 SE above x.
    /// </summary>
    [Fact]
    public void EasyTaskFollowsAlphaNotTwiceAlphaBeta()
    {
        FloorScalingResult result = Compute(2.0, 1.5);
        double x = result.Fit!.Exponent, se = StandardError(result.Fit);
        output.WriteLine($"alpha 2, beta 1.5: x = {x:F4} (SE {se:F4}); eq. 12 {result.PaperExponent}, corrected {result.MeasuredExponent}");
        Assert.Equal(3.0, result.PaperExponent, 12);
        Assert.Equal(2.0, result.MeasuredExponent, 12);
        Assert.True(Math.Abs(x - 2.0) <= 0.1 + 4 * se, $"x = {x:F4} (SE {se:F4}) against alpha min(1, beta) = 2");
        Assert.True(3.0 - x > 0.5 + 4 * se, $"x = {x:F4} (SE {se:F4}) is not clearly below eq. 12's 3");
    }

    /// <summary>The summary of given floors: means, standard errors and the fit over the seed means, by hand.</summary>
    [Fact]
    public void SummariseAveragesSeedsPerWidth()
    {
        double[][] floors = [[0.4, 0.1], [0.2, 0.05]];
        FloorScalingResult result = FloorScaling.Summarise(2.0, 0.4, [10, 20], floors);
        Assert.Equal(0.3, result.Mean[0], 14);
        Assert.Equal(0.075, result.Mean[1], 14);
        Assert.Equal(0.1, result.Sem[0], 14); // sample SD 0.2/sqrt(2), over sqrt(2) seeds
        Assert.Equal(Math.Log(0.3 / 0.075) / Math.Log(2), result.Fit!.Exponent, 12);
        Assert.Null(FloorScaling.Summarise(2.0, 0.4, [10, 10], floors).Fit);
    }

    private static FloorScalingResult Compute(double alpha, double beta) =>
        FloorScaling.Compute(alpha, beta, Spectrum.PowerLaw(alpha, beta, 4000), Widths, Seeds);

    private static double StandardError(BottleneckFitResult fit) => (fit.Ci.Hi - fit.Ci.Lo) / (2 * 1.96);

    private static double SharpCutoffSlope(double alpha, double beta)
    {
        double[] logN = Widths.Select(n => Math.Log(n)).ToArray();
        double[] logTail = Widths.Select(n => Math.Log(Enumerable.Range(n + 1, 200_000).Sum(k => Math.Pow(k, -(alpha * beta + 1))))).ToArray();
        return -MathNet.Numerics.Fit.Line(logN, logTail).B;
    }
}

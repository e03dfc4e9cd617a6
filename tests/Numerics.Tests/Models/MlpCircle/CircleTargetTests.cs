using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>The target of eq. 13, its truncation error and the quadrature grid that measures the loss.</summary>
public sealed class CircleTargetTests
{
    /// <summary>The rotation recurrence against sum_k k^-q Math.Cos(k theta); its error grows like K ulp.</summary>
    [Fact]
    public void EvaluateMatchesTheDirectSum()
    {
        var target = new CircleTarget(1.3, 2000);
        var rng = new System.Random(5);
        for (int i = 0; i < 200; i++)
        {
            double theta = 2 * Math.PI * rng.NextDouble();
            double direct = 0;
            for (int k = 2000; k >= 1; k--)
            {
                direct += Math.Pow(k, -1.3) * Math.Cos(k * theta);
            }

            Assert.Equal(direct, target.Evaluate(Math.Cos(theta), Math.Sin(theta)), 1e-11);
        }
    }

    /// <summary>Power(K) + TruncationError(K) = zeta(2q)/2: pi^2/12 at q = 1 and pi^4/180 at q = 2, to 1e-13.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100)]
    [InlineData(1, 5000)]
    [InlineData(2, 7)]
    [InlineData(2, 3000)]
    public void PowerAndTruncationErrorAddUpToZeta(double q, int harmonics)
    {
        double zetaHalf = q == 1 ? Math.PI * Math.PI / 12 : Math.Pow(Math.PI, 4) / 180;
        double sum = new CircleTarget(q, harmonics).Power() + CircleTarget.TruncationError(q, harmonics);
        Assert.Equal(zetaHalf, sum, 1e-13);
    }

    /// <summary>Against a direct sum to 2 x 10^6 plus its integral tail, at q near 1/2 where the tail is fat.</summary>
    [Fact]
    public void TruncationErrorMatchesALongDirectSum()
    {
        const double q = 0.7, s = 2 * q;
        double direct = 0;
        for (long k = 2_000_000; k > 64; k--)
        {
            direct += Math.Pow(k, -s);
        }

        direct += Math.Pow(2_000_000.5, 1 - s) / (s - 1); // midpoint-rule tail, relative error ~1e-13
        Assert.Equal(0.5 * direct, CircleTarget.TruncationError(q, 64), 1e-10 * direct);
        Assert.Equal(double.PositiveInfinity, CircleTarget.TruncationError(0.5, 10));
    }

    /// <summary>Q &gt; 2K: the grid mean of y^2 is the exact power sum_{k&lt;=K} k^-2q / 2, and the grid mean of y is 0.</summary>
    [Theory]
    [InlineData(1.0, 64, 129)]
    [InlineData(0.75, 256, 1024)]
    [InlineData(1.5, 1000, 4000)]
    public void TheGridIsExactForTheTarget(double q, int harmonics, int points)
    {
        var target = new CircleTarget(q, harmonics);
        var grid = new CircleQuadrature(target, points);
        double square = 0, mean = 0;
        foreach (double y in grid.Target)
        {
            square += y * y;
            mean += y;
        }

        Assert.Equal(target.Power(), square / points, 1e-13);
        Assert.Equal(0, mean / points, 1e-13);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CircleQuadrature(target, 2 * harmonics));
    }

    /// <summary>
    /// The default K leaves a truncation error at least 10 times below the loss that the rich time exponent
    /// predicts is left at the last step (the tail beyond k_T), whenever the clamp does not bind.
    /// </summary>
    [Theory]
    [InlineData(1.0, 1.0, 1000)]
    [InlineData(1.0, 1.0, 100_000)]
    [InlineData(1.4, 0.75, 10_000)]
    [InlineData(1.5, 1.0, 10_000)]
    [InlineData(2.0, 1.5, 10_000)]
    public void TheDefaultHarmonicsLeaveATruncationErrorTenTimesBelowTheRichTail(double q, double qPhi, long steps)
    {
        int k = MlpCircleSettings.DefaultHarmonics(q, qPhi, steps);
        double beta = MlpCircleSettings.Source(q, qPhi), alpha = MlpCircleSettings.Capacity(qPhi);
        long learned = (long)Math.Pow(steps, Math.Max(1, 2 / (1 + beta)) / alpha);
        Assert.InRange(k, MlpCircleSettings.MinDefaultHarmonics, MlpCircleSettings.MaxDefaultHarmonics);
        Assert.True(k == MlpCircleSettings.MaxDefaultHarmonics || CircleTarget.TruncationError(q, k) <= 0.1 * CircleTarget.TruncationError(q, learned),
            $"K = {k}: truncation {CircleTarget.TruncationError(q, k):G3}, tail beyond k_T = {learned}: {CircleTarget.TruncationError(q, learned):G3}");
    }
}

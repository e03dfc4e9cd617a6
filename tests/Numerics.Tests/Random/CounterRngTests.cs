using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Tests.Random;

public class CounterRngTests
{
    private const int Draws = 400_000;

    /// <summary>
    /// Moments of N(0, 1) from 400k draws: the SE of the mean is 1/sqrt(n) = 0.0016, of the second
    /// moment sqrt(2/n) = 0.0022, of the fourth sqrt(96/n) = 0.0155; each is checked within 5 SE.
    /// </summary>
    [Fact]
    public void GaussianHasStandardMoments()
    {
        var rng = new CounterRng(42, RandomStream.Batch, 17);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        for (int i = 0; i < Draws; i++)
        {
            double z = rng.NextGaussian();
            m1 += z; m2 += z * z; m3 += z * z * z; m4 += z * z * z * z;
        }

        double se = 1 / Math.Sqrt(Draws);
        Assert.InRange(m1 / Draws, -5 * se, 5 * se);
        Assert.InRange(m2 / Draws, 1 - 5 * Math.Sqrt(2) * se, 1 + 5 * Math.Sqrt(2) * se);
        Assert.InRange(m3 / Draws, -5 * Math.Sqrt(15) * se, 5 * Math.Sqrt(15) * se);
        Assert.InRange(m4 / Draws, 3 - 5 * Math.Sqrt(96) * se, 3 + 5 * Math.Sqrt(96) * se);
    }

    /// <summary>chi-square(k) has mean k and variance 2k; 100k draws, 5 SE (SE of the variance from the fourth central moment 12k + 48... estimated from the draws).</summary>
    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(7L)]
    [InlineData(128L)]
    [InlineData(100_000L)]
    public void ChiSquareHasMeanKAndVarianceTwoK(long k)
    {
        const int n = 100_000;
        var rng = new CounterRng(3, RandomStream.Batch, (ulong)k);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextChiSquare(k);
        }

        double mean = x.Average();
        double variance = x.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        Assert.InRange(mean, k - 5 * Math.Sqrt(2.0 * k / n), k + 5 * Math.Sqrt(2.0 * k / n));
        double fourth = x.Sum(v => Math.Pow(v - mean, 4)) / n;
        double seVariance = Math.Sqrt((fourth - variance * variance) / n);
        Assert.InRange(variance, 2 * k - 5 * seVariance, 2 * k + 5 * seVariance);
    }

    [Fact]
    public void StreamsAreReproducibleAndDistinct()
    {
        static double[] Draw(ulong seed, RandomStream stream, ulong step)
        {
            var rng = new CounterRng(seed, stream, step);
            var values = new double[64];
            rng.FillGaussian(values);
            return values;
        }

        Assert.Equal(Draw(1, RandomStream.Batch, 5), Draw(1, RandomStream.Batch, 5));
        Assert.NotEqual(Draw(1, RandomStream.Batch, 5), Draw(2, RandomStream.Batch, 5));
        Assert.NotEqual(Draw(1, RandomStream.Batch, 5), Draw(1, RandomStream.Batch, 6));
        Assert.NotEqual(Draw(1, RandomStream.Batch, 5), Draw(1, RandomStream.InitialFeatures, 5));
        Assert.NotEqual(Draw(1, RandomStream.Batch, 1UL << 32), Draw(1, RandomStream.Batch, 0));
    }

    /// <summary>Independence across adjacent steps: correlation of paired draws within 5/sqrt(n).</summary>
    [Fact]
    public void AdjacentStepsAreUncorrelated()
    {
        const int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            var a = new CounterRng(9, RandomStream.Batch, (ulong)i);
            var b = new CounterRng(9, RandomStream.Batch, (ulong)i + 1);
            sum += a.NextGaussian() * b.NextGaussian();
        }

        Assert.InRange(sum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
    }

    [Fact]
    public void UniformIsOpenAndNearlyFlat()
    {
        var rng = new CounterRng(0, RandomStream.Batch, 0);
        var bins = new int[10];
        const int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextOpenUniform();
            Assert.True(u > 0 && u < 1);
            bins[(int)(u * 10)]++;
        }

        // Each bin ~ Binomial(n, 0.1): sd = sqrt(n 0.1 0.9) = 95; allow 5 sd.
        Assert.All(bins, count => Assert.InRange(count, n / 10 - 475, n / 10 + 475));
    }
}

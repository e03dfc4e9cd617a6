using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Tests.Random;

public class DeterministicMathTests
{
    /// <summary>Log within 2 ulp of the platform's correctly-rounded-in-practice Math.Log, over 20 decades and near 1.</summary>
    [Fact]
    public void LogIsAccurate()
    {
        var rng = new System.Random(1);
        for (int i = 0; i < 200_000; i++)
        {
            double x = i < 1000 ? 1.0 + (i - 500) * 1e-6 : Math.Pow(10, rng.NextDouble() * 40 - 20);
            double expected = Math.Log(x);
            double actual = DeterministicMath.Log(x);
            Assert.True(Math.Abs(actual - expected) <= 2 * Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), double.Epsilon),
                $"Log({x:R}) = {actual:R}, Math.Log = {expected:R}");
        }
    }

    [Fact]
    public void ExpAndPowAreAccurate()
    {
        var rng = new System.Random(2);
        for (int i = 0; i < 200_000; i++)
        {
            double x = rng.NextDouble() * 1400 - 700;
            double expected = Math.Exp(x);
            Assert.True(Math.Abs(DeterministicMath.Exp(x) - expected) <= 4e-16 * expected, $"Exp({x:R})");
        }

        // Pow(k, -a) for spectra: the error grows with |a ln k|, ~1e-15 relative here.
        for (int k = 1; k <= 100_000; k += 7)
        {
            double expected = Math.Pow(k, -1.7);
            Assert.True(Math.Abs(DeterministicMath.Pow(k, -1.7) - expected) <= 5e-15 * expected, $"Pow({k}, -1.7)");
        }

        Assert.Equal(1.0, DeterministicMath.Pow(1, -3.3));
        Assert.Equal(0.0, DeterministicMath.Exp(-800));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(800));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1)));
        Assert.True(Math.Abs(DeterministicMath.Log(5e-324) - Math.Log(5e-324)) < 1e-12);
    }
}

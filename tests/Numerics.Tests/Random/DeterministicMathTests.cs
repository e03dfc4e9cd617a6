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

    /// <summary>SinCosTurns within 5e-16 of Math.SinCos (two roundings of the argument, one each) over many turns, and exact at quarter turns.</summary>
    [Fact]
    public void SinCosTurnsIsAccurate()
    {
        var rng = new System.Random(3);
        for (int i = 0; i < 200_000; i++)
        {
            double turns = i < 100_000 ? rng.NextDouble() : rng.NextDouble() * 200 - 100;
            (double sin, double cos) = DeterministicMath.SinCosTurns(turns);
            double fraction = turns - Math.Round(turns);
            (double expectedSin, double expectedCos) = Math.SinCos(2 * Math.PI * fraction);
            Assert.True(Math.Abs(sin - expectedSin) <= 5e-16 && Math.Abs(cos - expectedCos) <= 5e-16,
                $"SinCosTurns({turns:R}) = ({sin:R}, {cos:R}), Math.SinCos = ({expectedSin:R}, {expectedCos:R})");
        }

        Assert.Equal((0.0, 1.0), DeterministicMath.SinCosTurns(0));
        Assert.Equal((1.0, 0.0), DeterministicMath.SinCosTurns(0.25));
        Assert.Equal((0.0, -1.0), (DeterministicMath.SinCosTurns(0.5).Sin + 0.0, DeterministicMath.SinCosTurns(0.5).Cos));
        Assert.Equal((-1.0, 0.0), (DeterministicMath.SinCosTurns(0.75).Sin, DeterministicMath.SinCosTurns(0.75).Cos + 0.0));
    }
}

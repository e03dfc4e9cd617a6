using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>phi(h) = ReLU(h)^q_phi and phi'(h) against Math.Pow, on every path (quarter powers, any power).</summary>
public sealed class ReluPowerTests
{
    [Theory]
    [InlineData(0.75)]
    [InlineData(1.0)]
    [InlineData(1.25)]
    [InlineData(1.5)]
    [InlineData(1.75)]
    [InlineData(2.0)]
    [InlineData(0.6)]
    [InlineData(1.3)]
    public void ValueAndSlopeMatchThePower(double qPhi)
    {
        var activation = new ReluPower(qPhi);
        double[] h = [-2.0, -1e-300, 0.0, 1e-8, 0.3, 1.0, 2.5, 7.0];
        double[] value = new double[h.Length], slope = new double[h.Length], alone = new double[h.Length];
        activation.Apply(h, value, slope);
        activation.Apply(h, alone);
        for (int i = 0; i < h.Length; i++)
        {
            double expected = h[i] > 0 ? Math.Pow(h[i], qPhi) : 0;
            double expectedSlope = h[i] > 0 ? qPhi * Math.Pow(h[i], qPhi - 1) : 0;
            Assert.Equal(expected, value[i], 1e-14 * Math.Max(1, expected));
            Assert.Equal(expectedSlope, slope[i], 1e-13 * Math.Max(1, Math.Abs(expectedSlope)));
            Assert.Equal(value[i], alone[i]);
        }
    }
}

using MathNet.Numerics;
using ScaleSweep.Numerics.Spectra.Circle;

namespace ScaleSweep.Numerics.Tests.Spectra.Circle;

/// <summary>The arc-cosine expectation E[ReLU(u)^q ReLU(v)^q]: its quadrature against closed forms, moments and sampling.</summary>
public class ArcCosineTests
{
    private static readonly double[] Angles = [0, 1e-6, 0.3, 1.0, Math.PI / 2, 2.5, Math.PI - 1e-6, Math.PI];

    /// <summary>Cho and Saul's closed forms for q = 0, 1, 2 (J_n(t) = (1/2 pi) (...)), which the quadrature must meet to 2e-12.</summary>
    [Fact]
    public void TheQuadratureMeetsTheClosedFormsOfIntegerPowers()
    {
        foreach (double t in Angles)
        {
            double j0 = (Math.PI - t) / (2 * Math.PI);
            double j1 = (Math.Sin(t) + ((Math.PI - t) * Math.Cos(t))) / (2 * Math.PI);
            double j2 = ((3 * Math.Sin(t) * Math.Cos(t)) + ((Math.PI - t) * (1 + (2 * Math.Cos(t) * Math.Cos(t))))) / (2 * Math.PI);
            Assert.InRange(ArcCosine.Numerical(1, t) - j1, -2e-12, 2e-12);
            Assert.InRange(ArcCosine.Numerical(2, t) - j2, -2e-12, 2e-12);
            // Through rho = cos t the angle comes back through acos, which near t = 0 keeps about 10 digits.
            Assert.Equal(j2, ArcCosine.J(2, Math.Cos(t)), 10);
            Assert.Equal(j0, ArcCosine.J(0, Math.Cos(t)), 10);
            Assert.Equal(j1, ArcCosine.J(1, Math.Cos(t)), 10);
        }
    }

    /// <summary>
    /// At rho = 1, J_q = E[ReLU(z)^2q] = 2^q Gamma(q + 1/2) / (2 sqrt(pi)); that holds for the derivative kernels
    /// (q &lt; 0, singular integrand) too, to 1e-9 relative.
    /// </summary>
    [Theory]
    [InlineData(0.75)]
    [InlineData(1.5)]
    [InlineData(2.5)]
    [InlineData(-0.25)]
    [InlineData(-0.4)]
    public void AtEqualInputsItIsTheHalfMomentOfTheNormal(double q)
    {
        double moment = Math.Pow(2, q) * SpecialFunctions.Gamma(q + 0.5) / (2 * Math.Sqrt(Math.PI));

        double relative = (ArcCosine.J(q, 1.0) / moment) - 1;

        Assert.InRange(relative, -1e-9, 1e-9);
    }

    /// <summary>
    /// Sampling: 2 x 10^6 correlated normal pairs (seed 7), the sample mean of ReLU(u)^q ReLU(v)^q within 4 of its
    /// standard errors of the quadrature, for a non-integer q and a negative correlation.
    /// </summary>
    [Theory]
    [InlineData(1.5, 0.3)]
    [InlineData(0.75, -0.5)]
    public void ItIsTheMeanOfSampledPairs(double q, double rho)
    {
        const int n = 2_000_000;
        var random = new System.Random(7);
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double r = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())), angle = 2 * Math.PI * random.NextDouble();
            double z1 = r * Math.Cos(angle), z2 = r * Math.Sin(angle);
            double u = z1, v = (rho * z1) + (Math.Sqrt(1 - (rho * rho)) * z2);
            double x = u > 0 && v > 0 ? Math.Pow(u, q) * Math.Pow(v, q) : 0;
            sum += x;
            sumSquares += x * x;
        }

        double mean = sum / n, se = Math.Sqrt(((sumSquares / n) - (mean * mean)) / n);

        Assert.InRange(ArcCosine.J(q, rho), mean - (4 * se), mean + (4 * se));
    }

    [Fact]
    public void APowerAtOrBelowMinusAHalfIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArcCosine.J(-0.5, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArcCosine.J(double.PositiveInfinity, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArcCosine.J(1, double.NaN));
        Assert.Equal(ArcCosine.J(1.5, 1.0), ArcCosine.J(1.5, 1.0 + 1e-15)); // a correlation rounded past 1 is 1
    }
}

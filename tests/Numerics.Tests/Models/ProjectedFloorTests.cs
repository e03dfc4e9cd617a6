using MathNet.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Tests.Models;

/// <summary>The exact t -> infinity loss of the projected model, S - b^T K^-1 b (<see cref="ProjectedFloor"/>).</summary>
public class ProjectedFloorTests
{
    /// <summary>
    /// Against a plain reference: the best linear predictor on the N features found by least squares in
    /// M-space, min_c |Lambda^(1/2) (WStar - A0^T c)|^2 by MathNet's QR on the M x N matrix Lambda^(1/2) A0^T,
    /// with the loss evaluated as the explicit sum over the M modes. QR never forms K, so it does not share the
    /// normal equations' rounding; both are within 1e-12 of the floor here (condition number of K below 1e4),
    /// and the tolerance is 1e-9 relative.
    /// </summary>
    [Theory]
    [InlineData(2.0, 0.4, 200, 8, 3UL)]
    [InlineData(2.0, 1.5, 300, 24, 11UL)]
    [InlineData(1.5, 1.2, 400, 40, 0UL)]
    public void EqualsTheLeastSquaresResidualInModeSpace(double alpha, double beta, int m, int n, ulong seed)
    {
        var spectrum = Spectrum.PowerLaw(alpha, beta, m);
        double reference = LeastSquaresLoss(seed, spectrum, n);
        double floor = ProjectedFloor.Compute(seed, spectrum, n);
        Assert.True(Math.Abs(floor - reference) <= 1e-9 * reference, $"floor {floor:R}, least squares {reference:R}");
    }

    /// <summary>
    /// The widths of one call come from one factor of the largest width; each must equal its own call exactly,
    /// since row i of A0 and the block sums of K do not depend on N.
    /// </summary>
    [Fact]
    public void EveryWidthOfOneCallEqualsItsOwnCall()
    {
        var spectrum = Spectrum.PowerLaw(2.0, 1.2, 700);
        int[] widths = [40, 5, 20, 10];
        double[] together = ProjectedFloor.Compute(7, spectrum, widths);
        for (int i = 0; i < widths.Length; i++)
        {
            Assert.Equal(ProjectedFloor.Compute(7, spectrum, widths[i]), together[i]);
        }

        Assert.True(together[1] > together[3] && together[3] > together[2] && together[2] > together[0], "the floor falls with N");
    }

    /// <summary>The blocked K and b equal the fast sampler's precomputation to rounding (1e-12 relative on the floor).</summary>
    [Fact]
    public void UsesTheFastSamplersKAndB()
    {
        var spectrum = Spectrum.PowerLaw(2.0, 1.5, 1500);
        const int n = 32;
        var k = new double[n * n];
        var b = new double[n];
        ProjectedFast.Precompute(5, n, spectrum.M, spectrum.Lambda, spectrum.WStar, k, b);
        var floors = new double[n + 1];
        ProjectedFloor.FromMoments(n, k, b, spectrum.InitialLoss, floors);
        double floor = ProjectedFloor.Compute(5, spectrum, n);
        Assert.True(Math.Abs(floor - floors[n]) <= 1e-12 * floor, $"blocked {floor:R}, sampler's {floors[n]:R}");
    }

    /// <summary>With N &gt;= M the features span every mode: the floor is zero (to the rounding of S, 1e-12 here).</summary>
    [Fact]
    public void IsZeroWhenTheFeaturesSpanEveryMode()
    {
        var spectrum = Spectrum.PowerLaw(2.0, 0.4, 30);
        double[] floors = ProjectedFloor.Compute(1, spectrum, [30, 45]);
        Assert.All(floors, f => Assert.InRange(f, 0.0, 1e-12 * spectrum.InitialLoss));
    }

    /// <summary>
    /// A long lazy run (gamma = 0, B = inf: gradient descent on w from 0, a convex quadratic) converges to the
    /// floor of its seed: N = 8, M = 100, eta = 0.5, 4 x 10^4 steps, where the slowest mode of K/N^2 decays
    /// by exp(-eta kappa_min t / N) &lt; 1e-20 (kappa_min ~ the tail mass beyond N, ~ 0.1). The last loss must
    /// equal the floor to 1e-9 relative. A rich run (gamma = 1) and an SGD run (B = 4) of the same seed never go
    /// below it (1e-12 relative slack for rounding): the floor bounds every run of the seed.
    /// </summary>
    [Fact]
    public void ALongLazyRunEndsOnItsSeedsFloorAndNoRunGoesBelow()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 1.2, 100, 0.0, 8, null, 0.5, 40_000, 9);
        double floor = ProjectedFloor.Compute(9, config.BuildSpectrum(), 8);
        LossCurve lazy = Run(config);
        Assert.True(Math.Abs(lazy.Loss[^1] - floor) <= 1e-9 * floor, $"lazy run ends at {lazy.Loss[^1]:R}, floor {floor:R}");

        foreach (SimulationConfig other in new[] { config with { Gamma = 1.0 }, config with { Batch = 4, Eta = 0.05, Steps = 20_000 } })
        {
            LossCurve curve = Run(other);
            Assert.True(curve.Loss.Min() >= floor * (1 - 1e-12), $"gamma {other.Gamma}, B {other.Batch}: loss {curve.Loss.Min():R} below the floor {floor:R}");
        }
    }

    private static LossCurve Run(SimulationConfig config)
    {
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(long.MaxValue);
        Assert.NotEqual(SimulationStatus.Diverged, simulation.Status);
        return simulation.Curve;
    }

    private static double LeastSquaresLoss(ulong seed, Spectrum spectrum, int n)
    {
        int m = spectrum.M;
        var a0 = new double[n * m];
        InitialFeatures.Fill(seed, n, m, a0);
        var design = Matrix<double>.Build.Dense(m, n, (q, i) => Math.Sqrt(spectrum.Lambda[q]) * a0[i * m + q]);
        var target = Vector<double>.Build.Dense(m, q => Math.Sqrt(spectrum.Lambda[q]) * spectrum.WStar[q]);
        Vector<double> c = design.QR().Solve(target);
        double loss = 0;
        for (int q = 0; q < m; q++)
        {
            double v = spectrum.WStar[q];
            for (int i = 0; i < n; i++)
            {
                v -= a0[i * m + q] * c[i];
            }

            loss += spectrum.Lambda[q] * v * v;
        }

        return loss;
    }
}

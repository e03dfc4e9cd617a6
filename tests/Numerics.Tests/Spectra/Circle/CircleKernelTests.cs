using MathNet.Numerics;
using ScaleSweep.Numerics.Spectra.Circle;

namespace ScaleSweep.Numerics.Tests.Spectra.Circle;

/// <summary>
/// The infinite-width kernels of ReLU^qPhi MLPs on the circle and their eigenvalues: the recursion against its
/// one-layer closed form, the eigenvalues against direct quadrature, the sum rule, and the decay the paper states
/// (lambda_k ~ k^-2qPhi for the NTK, App. A and eq. 14).
/// </summary>
public class CircleKernelTests
{
    /// <summary>One hidden ReLU layer: the NNGP is J_1(cos Delta) and the NTK adds cos Delta J_0(cos Delta).</summary>
    [Fact]
    public void OneReluLayerIsTheArcCosineKernel()
    {
        foreach (double delta in new[] { 0.0, 0.4, 1.3, 2.9, Math.PI })
        {
            double t = delta, j0 = (Math.PI - t) / (2 * Math.PI), j1 = (Math.Sin(t) + ((Math.PI - t) * Math.Cos(t))) / (2 * Math.PI);
            Assert.Equal(j1, CircleKernel.Evaluate(1, 1, CircleKernelKind.Nngp, delta), 14);
            Assert.Equal(j1 + (Math.Cos(delta) * j0), CircleKernel.Evaluate(1, 1, CircleKernelKind.Ntk, delta), 14);
        }
    }

    /// <summary>
    /// lambda_k = (2/pi) int_0^pi K(Delta) cos(k Delta) dDelta by MathNet's double-exponential rule, against the
    /// periodic grid's sum: 1e-7 relative (the grid of 16384 points aliases 2 (17/16384)^3 = 2e-9 onto k = 17 at alpha = 3).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(17)]
    public void TheEigenvaluesAreTheKernelsCosineCoefficients(int k)
    {
        double[] lambda = CircleKernel.Eigenvalues(1.5, 2, CircleKernelKind.Ntk, 256);

        double direct = 2 / Math.PI * Integrate.DoubleExponential(
            d => CircleKernel.Evaluate(1.5, 2, CircleKernelKind.Ntk, d) * Math.Cos(k * d), 0, Math.PI, 1e-12);

        Assert.InRange((lambda[k] / direct) - 1, -1e-7, 1e-7);
    }

    /// <summary>K(0) = sum_k lambda_k: for the NNGP of ReLU (lambda_k ~ k^-4) the sum to k = 512 leaves a tail below 1e-8.</summary>
    [Fact]
    public void TheEigenvaluesSumToTheKernelAtZero()
    {
        double[] lambda = CircleKernel.Eigenvalues(1, 2, CircleKernelKind.Nngp, 512);

        Assert.Equal(CircleKernel.Evaluate(1, 2, CircleKernelKind.Nngp, 0), lambda.Sum(), 8);
    }

    /// <summary>
    /// The decay: the local exponent ln(lambda_k1 / lambda_k2) / ln(k2 / k1) over 64 -&gt; 128, 128 -&gt; 256 and, for the odd
    /// harmonics, 65 -&gt; 129, 129 -&gt; 257 (depth 2 and more alternate between even and odd levels, so each parity apart) is
    /// 2 qPhi for the NTK within 0.025, as App. A states, and 2 qPhi + 2 for the NNGP. The widest miss is qPhi = 0.75
    /// over 128 -&gt; 256: 1.479, where the grid's aliasing (2 zeta(1.5) (k/Q)^1.5, 1 % of lambda_256) takes about 0.01.
    /// </summary>
    [Theory]
    [InlineData(0.75, 2, CircleKernelKind.Ntk, 1.5)]
    [InlineData(1.0, 2, CircleKernelKind.Ntk, 2.0)]
    [InlineData(1.0, 3, CircleKernelKind.Ntk, 2.0)]
    [InlineData(1.5, 2, CircleKernelKind.Ntk, 3.0)]
    [InlineData(2.0, 2, CircleKernelKind.Ntk, 4.0)]
    [InlineData(1.0, 2, CircleKernelKind.Nngp, 4.0)]
    public void TheNtkDecaysAsKToTheMinusTwoQPhi(double qPhi, int depth, CircleKernelKind kind, double alpha)
    {
        double[] lambda = CircleKernel.Eigenvalues(qPhi, depth, kind, 257);

        foreach ((int k1, int k2) in new[] { (64, 128), (128, 256), (65, 129), (129, 257) })
        {
            double local = Math.Log(lambda[k1] / lambda[k2]) / Math.Log((double)k2 / k1);
            Assert.True(Math.Abs(local - alpha) <= 0.025, $"{k1}->{k2}: {local}");
        }
    }

    /// <summary>
    /// One hidden ReLU layer without biases has no odd harmonic above the first (ReLU = (h + |h|)/2, and |h| is even):
    /// a target with odd harmonics k &gt;= 3 is out of its reach, so the circle experiments use depth 2 and more.
    /// </summary>
    [Fact]
    public void OneReluLayerHasNoOddHarmonicAboveTheFirst()
    {
        double[] lambda = CircleKernel.Eigenvalues(1, 1, CircleKernelKind.Ntk, 65);

        Assert.All(new[] { 3, 5, 9, 33, 65 }, k => Assert.InRange(Math.Abs(lambda[k]), 0, 1e-14 * lambda[1]));
        Assert.True(lambda[64] > 1e-6 * lambda[1]);
    }

    [Fact]
    public void ActivationsWhoseNtkDivergesAndBadSizesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CircleKernel.Evaluate(0.5, 2, CircleKernelKind.Ntk, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CircleKernel.Evaluate(1, 0, CircleKernelKind.Ntk, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CircleKernel.Eigenvalues(1, 2, CircleKernelKind.Ntk, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CircleKernel.Eigenvalues(1, 2, CircleKernelKind.Ntk, 5000));
    }
}

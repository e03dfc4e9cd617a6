using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Numerics.Random;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>
/// Appendix A and Fig. 7a: the eigenvalues of the network's kernel at initialisation on the circle decay as
/// lambda_k ~ k^-2q_phi, which is eq. 14's alpha = 2 q_phi.
/// </summary>
public sealed class MlpKernelSpectrumTests(ITestOutputHelper output)
{
    private const int Width = 128;
    private const int Points = 512;
    private const int BasePoints = 64;

    /// <summary>
    /// K(theta, theta') = (1/N) sum_p dr/dp(theta) dr/dp(theta') of one depth-2 network (N = 128) from its
    /// backward pass, averaged along the diagonals over 64 base angles (the kernel of one network is rotation
    /// invariant only in law), then lambda_k = mean_Delta K(Delta) cos(k Delta) on 512 points (fewer alias the
    /// rough q_phi = 0.75 kernel's tail onto k &lt;= 32). The exponent fitted to log lambda_k against log k over
    /// k = 8..32 is within 0.3 of 2 q_phi, for one network of width 128: measured 1.37, 2.04, 3.12 for q_phi = 0.75,
    /// 1, 1.5 (1.46, 2.08, 3.14 at N = 256: the rough q_phi = 0.75 kernel converges slowest in N).
    /// </summary>
    [Theory]
    [InlineData(0.75)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void KernelEigenvaluesDecayAsKToTheMinusTwoQPhi(double qPhi)
    {
        var network = new MlpNetwork(Width, 2, qPhi, 7, 1);
        int parameters = Enumerable.Range(0, network.LayerCount).Sum(l => network.Weights(l).Length);
        var gradients = new double[Points][];
        double[] readout = new double[1];
        for (int j = 0; j < Points; j++)
        {
            (double sin, double cos) = DeterministicMath.SinCosTurns((double)j / Points);
            network.Forward([cos], [sin], 1, readout, forTraining: true);
            network.Backward([1.0]);
            gradients[j] = new double[parameters];
            int offset = 0;
            for (int l = 0; l < network.LayerCount; l++)
            {
                network.Gradient(l).CopyTo(gradients[j].AsSpan(offset));
                offset += network.Weights(l).Length;
            }
        }

        double[] diagonal = new double[Points];
        for (int b = 0; b < BasePoints; b++)
        {
            int j = b * (Points / BasePoints);
            for (int d = 0; d < Points; d++)
            {
                diagonal[d] += DeterministicBlas.Dot(gradients[j], gradients[(j + d) % Points]) / Width / BasePoints;
            }
        }

        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int count = 0;
        for (int k = 8; k <= 32; k++)
        {
            double lambda = 0;
            for (int d = 0; d < Points; d++)
            {
                lambda += diagonal[d] * Math.Cos(2 * Math.PI * k * d / Points) / Points;
            }

            Assert.True(lambda > 0, $"lambda_{k} = {lambda}");
            double x = Math.Log(k), y = Math.Log(lambda);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            count++;
        }

        double exponent = -(count * sxy - sx * sy) / (count * sxx - sx * sx);
        output.WriteLine($"q_phi = {qPhi}: lambda_k ~ k^-{exponent:F3} over k = 8..32 (2 q_phi = {2 * qPhi}); K(theta, theta) = {diagonal[0]:G4}");
        Assert.InRange(exponent, 2 * qPhi - 0.3, 2 * qPhi + 0.3);
    }
}

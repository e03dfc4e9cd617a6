using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Random;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Tests.Models;

/// <summary>
/// The batch enters the dynamics through v2 = Psi^T Psi v0 / B (or g = A0 v2). For Gaussian rows
/// x ~ N(0, Lambda) with s = x . v0: E[v2] = Lambda v0 and, by Isserlis,
/// Cov(v2) = (L Lambda + Lambda v0 v0^T Lambda) / B. Every sampler must reproduce both moments; the
/// loss-curve comparison alone is too weak at a stable learning rate to see an error in the
/// noise covariance.
/// </summary>
public class BatchGradientLawTests
{
    private const int Draws = 40_000;

    /// <summary>
    /// Each sample moment is compared with its exact value within 4.5 of its own standard error
    /// (estimated from the draws). With at most ~30 moments checked per case, a false alarm has
    /// probability below 30 * 6.8e-6 = 2e-4, and the seeds are fixed.
    /// </summary>
    [Theory]
    [InlineData(1L, false)]
    [InlineData(5L, false)]
    [InlineData(1L, true)]
    [InlineData(5L, true)]
    public void ProjectedGradientHasExactMoments(long batch, bool literal)
    {
        const int n = 6, m = 20;
        var spectrum = Spectrum.PowerLaw(1.5, 0.6, m);
        var k = new double[n * n];
        var b = new double[n];
        ProjectedFast.Precompute(7, n, m, spectrum.Lambda, spectrum.WStar, k, b);
        var a0 = new double[n * m];
        InitialFeatures.Fill(7, n, m, a0);
        var factor = JointFactor(k, b, spectrum.InitialLoss, n);

        // An arbitrary state u, and v0 = WStar - A0^T u / N with its c and L.
        double[] u = [0.9, -1.3, 0.4, 2.0, -0.2, 0.7];
        var v0 = new double[m];
        DeterministicBlas.GemvTransposed(a0, n, m, u, v0);
        for (int j = 0; j < m; j++)
        {
            v0[j] = spectrum.WStar[j] - v0[j] / n;
        }

        var lambdaV0 = new double[m];
        for (int j = 0; j < m; j++)
        {
            lambdaV0[j] = spectrum.Lambda[j] * v0[j];
        }

        double loss = DeterministicBlas.Dot(lambdaV0, v0);
        var c = new double[n];
        DeterministicBlas.Gemv(a0, n, m, lambdaV0, c);

        var samples = new double[Draws][];
        var sqrtLambda = spectrum.Lambda.ToArray().Select(Math.Sqrt).ToArray();
        for (int d = 0; d < Draws; d++)
        {
            var rng = new CounterRng(99, RandomStream.Batch, (ulong)d);
            var g = new double[n];
            if (literal)
            {
                var v2 = new double[m];
                BatchGradient.Literal(ref rng, sqrtLambda, v0, batch, new double[m], v2);
                DeterministicBlas.Gemv(a0, n, m, v2, g);
            }
            else
            {
                ProjectedFast.SampleBatchGradient(ref rng, factor, n, u, c, loss, batch, new double[n + 1], new double[n + 1], g);
            }

            samples[d] = g;
        }

        // Exact covariance: (L K + c c^T) / B.
        var covariance = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                covariance[i, j] = (loss * k[i * n + j] + c[i] * c[j]) / batch;
            }
        }

        AssertMoments(samples, c, covariance);
    }

    [Theory]
    [InlineData(1L, false)]
    [InlineData(3L, false)]
    [InlineData(3L, true)]
    public void MSpaceGradientHasExactMoments(long batch, bool literal)
    {
        const int m = 8;
        var spectrum = Spectrum.PowerLaw(1.5, 0.4, m);
        double[] v0 = [0.5, -0.2, 0.8, 0.1, -0.6, 0.3, 0.05, -0.4];
        var lambda = spectrum.Lambda.ToArray();
        var sqrtLambda = lambda.Select(Math.Sqrt).ToArray();
        var lambdaV0 = lambda.Zip(v0, (l, v) => l * v).ToArray();
        double loss = DeterministicBlas.Dot(lambdaV0, v0);
        var samples = new double[Draws][];
        for (int d = 0; d < Draws; d++)
        {
            var rng = new CounterRng(5, RandomStream.Batch, (ulong)d);
            var v2 = new double[m];
            if (literal)
            {
                BatchGradient.Literal(ref rng, sqrtLambda, v0, batch, new double[m], v2);
            }
            else
            {
                BatchGradient.Compressed(ref rng, sqrtLambda, lambdaV0, v0, loss, batch, new double[m], v2);
            }

            samples[d] = v2;
        }

        var covariance = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                covariance[i, j] = (loss * (i == j ? lambda[i] : 0.0) + lambdaV0[i] * lambdaV0[j]) / batch;
            }
        }

        AssertMoments(samples, lambdaV0, covariance);
    }

    private static double[] JointFactor(double[] k, double[] b, double s, int n)
    {
        int n1 = n + 1;
        var joint = new double[n1 * n1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                joint[i * n1 + j] = k[i * n + j];
            }

            joint[i * n1 + n] = joint[n * n1 + i] = b[i];
        }

        joint[n * n1 + n] = s;
        var factor = new double[n1 * n1];
        SemidefiniteCholesky.Factor(joint, n1, factor);
        return factor;
    }

    private static void AssertMoments(double[][] samples, double[] mean, double[,] covariance)
    {
        int dim = mean.Length;
        for (int i = 0; i < dim; i++)
        {
            var x = samples.Select(g => g[i] - mean[i]).ToArray();
            AssertWithin(x, 0.0, $"mean[{i}]");
            for (int j = 0; j <= i; j++)
            {
                var products = samples.Select(g => (g[i] - mean[i]) * (g[j] - mean[j])).ToArray();
                AssertWithin(products, covariance[i, j], $"cov[{i},{j}]");
            }
        }
    }

    private static void AssertWithin(double[] values, double expected, string what)
    {
        double average = values.Average();
        double variance = values.Sum(v => (v - average) * (v - average)) / (values.Length - 1);
        double se = Math.Sqrt(variance / values.Length);
        Assert.True(Math.Abs(average - expected) <= 4.5 * se,
            $"{what}: sample {average:G5} vs exact {expected:G5}, |diff| = {Math.Abs(average - expected):G3} > 4.5 SE = {4.5 * se:G3}");
    }
}

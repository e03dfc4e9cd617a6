using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.FiniteData;

/// <summary>
/// What the projected model can ever see of a run's initial features A0 and its training set Psi in R^{P x M}:
/// the task seen through A0 (K = A0 Lambda A0^T, b = A0 Lambda WStar, S = WStar^T Lambda WStar, as in
/// <see cref="ProjectedFast"/>), and each sample mu seen through A0 and the target: its features
/// z_mu = A0 psi_mu (row mu of <see cref="Features"/>, P x N) and its label y_mu = WStar . psi_mu.
/// <para>
/// Why that is all: with A = Bmat A0 and u = Bmat^T w, v0 = WStar - A0^T u / N, so the residual of sample mu is
/// psi_mu . v0 = y_mu - z_mu . u / N, and the update of eq. 32 needs only g = A0 Psi^T Psi v0 / P = Z^T e / P.
/// Given A0 the pairs (z_mu, y_mu) are i.i.d. Gaussian with covariance [[K, b], [b^T, S]] = F F^T, so
/// <see cref="Draw"/> samples them exactly in distribution as F xi, xi ~ N(0, I_{N+1}) from stream
/// <see cref="RandomStream.Dataset"/> at mu: O(P N^2) instead of the O(P N M) of forming Psi A0^T.
/// </para>
/// </summary>
/// <param name="K">A0 Lambda A0^T, N x N row-major.</param>
/// <param name="B">A0 Lambda WStar.</param>
/// <param name="S">WStar^T Lambda WStar, the loss at w = 0.</param>
/// <param name="Features">z_mu = A0 psi_mu for mu = 0..P-1, P x N row-major.</param>
/// <param name="Labels">y_mu = WStar . psi_mu.</param>
public sealed record ProjectedTrainingSet(double[] K, double[] B, double S, double[] Features, double[] Labels)
{
    /// <summary>Draws the run's training set as seen through its A0, exactly in distribution (see the type).</summary>
    public static ProjectedTrainingSet Draw(SimulationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        long p = config.P ?? throw new ArgumentException("the configuration has no finite training set (P = inf).", nameof(config));
        var spectrum = config.BuildSpectrum();
        int n = config.N;
        var k = new double[n * n];
        var b = new double[n];
        ProjectedFast.Precompute(config.Seed, n, spectrum.M, spectrum.Lambda, spectrum.WStar, k, b);
        double s = spectrum.InitialLoss;

        double[] factor = ProjectedFast.JointFactor(n, k, b, s);
        var features = new double[p * n];
        var labels = new double[p];
        var xi = new double[n + 1];
        var zy = new double[n + 1];
        for (long mu = 0; mu < p; mu++)
        {
            var rng = new CounterRng(config.Seed, RandomStream.Dataset, (ulong)mu);
            ProjectedFast.DrawJoint(ref rng, factor, n, xi, zy);
            zy.AsSpan(0, n).CopyTo(features.AsSpan((int)(mu * n), n));
            labels[mu] = zy[n];
        }

        return new ProjectedTrainingSet(k, b, s, features, labels);
    }

    /// <summary>
    /// The same quantities formed literally from the run's A0 and an explicit Psi (rows of
    /// <paramref name="samples"/>, P x M): Z = Psi A0^T, y = Psi WStar. For checking the fast model against
    /// <see cref="ProjectedFiniteDataReference"/> on one and the same training set.
    /// </summary>
    public static ProjectedTrainingSet FromSamples(SimulationConfig config, ReadOnlySpan<double> samples)
    {
        ArgumentNullException.ThrowIfNull(config);
        var spectrum = config.BuildSpectrum();
        int n = config.N, m = spectrum.M;
        int p = samples.Length / m;
        var k = new double[n * n];
        var b = new double[n];
        ProjectedFast.Precompute(config.Seed, n, m, spectrum.Lambda, spectrum.WStar, k, b);
        var a0 = new double[n * m];
        InitialFeatures.Fill(config.Seed, n, m, a0);
        var features = new double[p * n];
        var labels = new double[p];
        for (int mu = 0; mu < p; mu++)
        {
            ReadOnlySpan<double> psi = samples.Slice(mu * m, m);
            DeterministicBlas.Gemv(a0, n, m, psi, features.AsSpan(mu * n, n));
            labels[mu] = DeterministicBlas.Dot(psi, spectrum.WStar);
        }

        return new ProjectedTrainingSet(k, b, spectrum.InitialLoss, features, labels);
    }

    /// <summary>
    /// The explicit training set of the literal model: row mu is sqrt(Lambda) xi, xi ~ N(0, I_M) from stream
    /// <see cref="RandomStream.Dataset"/> at mu.
    /// </summary>
    public static double[] LiteralSamples(SimulationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        long p = config.P ?? throw new ArgumentException("the configuration has no finite training set (P = inf).", nameof(config));
        var spectrum = config.BuildSpectrum();
        int m = spectrum.M;
        var sqrtLambda = new double[m];
        TensorPrimitives.Sqrt(spectrum.Lambda, sqrtLambda);
        var samples = new double[p * m];
        for (long mu = 0; mu < p; mu++)
        {
            Span<double> row = samples.AsSpan((int)(mu * m), m);
            var rng = new CounterRng(config.Seed, RandomStream.Dataset, (ulong)mu);
            rng.FillGaussian(row);
            TensorPrimitives.Multiply(row, sqrtLambda, row);
        }

        return samples;
    }
}

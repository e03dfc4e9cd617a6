using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The one way an SGD batch enters every update of eq. 4: v2 = Psi^T Psi v0 / B, with the rows
/// psi_mu of Psi i.i.d. N(0, Lambda). Two exact samplers of it in M-space.
/// </summary>
public static class BatchGradient
{
    /// <summary>
    /// Literally: B rows psi_mu = sqrt(Lambda) z_mu, accumulating psi_mu (psi_mu . v0), then / B.
    /// Cost O(B M). Rows are drawn one at a time so the B x M batch never has to be stored.
    /// </summary>
    public static void Literal(ref CounterRng rng, ReadOnlySpan<double> sqrtLambda, ReadOnlySpan<double> v0, long batch, Span<double> row, Span<double> v2)
    {
        v2.Clear();
        for (long mu = 0; mu < batch; mu++)
        {
            rng.FillGaussian(row);
            TensorPrimitives.Multiply(row, sqrtLambda, row);
            double s = DeterministicBlas.Dot(row, v0);
            DeterministicBlas.Axpy(s, row, v2);
        }

        TensorPrimitives.Multiply(v2, 1.0 / batch, v2);
    }

    /// <summary>
    /// Exact in distribution at cost O(M), independent of B. For x ~ N(0, Lambda) let s = x . v0,
    /// so s ~ N(0, L) with L = v0^T Lambda v0, and x = Lambda v0 s / L + r with
    /// r ~ N(0, Lambda - Lambda v0 v0^T Lambda / L) independent of s. Summing over the batch,
    /// sum_mu x_mu s_mu = Lambda v0 (sum_mu s_mu^2) / L + sum_mu r_mu s_mu, where
    /// sum_mu s_mu^2 = L Q with Q ~ chi-square(B), and given the s_mu the second sum is Gaussian with
    /// covariance L Q Cov(r), i.e. sqrt(L Q) r' for one fresh residual r' = x' - Lambda v0 s' / L.
    /// Hence v2 = [Lambda v0 Q + sqrt(L Q) (x' - Lambda v0 s' / L)] / B.
    /// </summary>
    public static void Compressed(
        ref CounterRng rng, ReadOnlySpan<double> sqrtLambda, ReadOnlySpan<double> lambdaV0, ReadOnlySpan<double> v0,
        double loss, long batch, Span<double> row, Span<double> v2)
    {
        rng.FillGaussian(row);
        TensorPrimitives.Multiply(row, sqrtLambda, row);
        double sPrime = DeterministicBlas.Dot(row, v0);
        double q = rng.NextChiSquare(batch);
        CombineConditioned(q, sPrime, loss, batch, lambdaV0, row, v2);
    }

    /// <summary>
    /// v2 for the configuration's sampler and batch at step t: Lambda v0 for an infinite batch,
    /// else <see cref="Literal"/> or <see cref="Compressed"/>.
    /// </summary>
    public static void Draw(
        SimulationConfig config, long t, ReadOnlySpan<double> sqrtLambda, ReadOnlySpan<double> lambdaV0, ReadOnlySpan<double> v0,
        double loss, Span<double> row, Span<double> v2)
    {
        if (config.Batch is not { } batch)
        {
            lambdaV0.CopyTo(v2);
            return;
        }

        var rng = new CounterRng(config.Seed, RandomStream.Batch, (ulong)t);
        if (config.Sampler == Sampler.Reference)
        {
            Literal(ref rng, sqrtLambda, v0, batch, row, v2);
        }
        else
        {
            Compressed(ref rng, sqrtLambda, lambdaV0, v0, loss, batch, row, v2);
        }
    }

    /// <summary>
    /// The conditioned batch sum shared by both fast samplers: with Q ~ chi-square(B), one fresh
    /// joint draw (x', s') and the correlation direction c = Cov(x, s),
    /// result = [c (Q - sqrt(Q) s' / sqrt(L)) + x' sqrt(Q L)] / B, which is
    /// [c Q + sqrt(L Q) (x' - c s' / L)] / B. Zero when L = 0 (then c = 0 and every s is 0).
    /// </summary>
    internal static void CombineConditioned(
        double q, double sPrime, double loss, long batch, ReadOnlySpan<double> correlated, ReadOnlySpan<double> fresh, Span<double> result)
    {
        if (!(loss > 0.0))
        {
            result.Clear();
            return;
        }

        double sqrtQ = Math.Sqrt(q), sqrtL = Math.Sqrt(loss);
        double onCorrelated = (q - sqrtQ * sPrime / sqrtL) / batch;
        TensorPrimitives.Multiply(fresh, sqrtQ * sqrtL / batch, result);
        DeterministicBlas.Axpy(onCorrelated, correlated, result);
    }
}

using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// A(0) in R^{N x M} with i.i.d. N(0, 1) entries, row i drawn from stream
/// <see cref="RandomStream.InitialFeatures"/> at "step" i: every sampler and model of one seed
/// starts from the same A(0).
/// </summary>
public static class InitialFeatures
{
    public static void Fill(ulong seed, int n, int m, Span<double> a0)
    {
        for (int i = 0; i < n; i++)
        {
            var rng = new CounterRng(seed, RandomStream.InitialFeatures, (ulong)i);
            rng.FillGaussian(a0.Slice(i * m, m));
        }
    }
}

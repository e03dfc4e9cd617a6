using System.Collections.Concurrent;
using ScaleSweep.Numerics.Spectra.Circle;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// The measured decay of the MLP's infinite-width NTK on the circle (<see cref="CircleKernel"/>): the least-squares
/// slope x of log lambda_k against log k over k = 16..128, even and odd harmonics both, so a report can set it beside
/// eq. 14's alpha = 2 q_phi. One kernel per (q_phi, depth), computed once per process (about 8,000 kernel evaluations).
/// Public for `scalesweep reproduce fig7`, which draws the eigenvalues and sets this same fit beside 2 q_phi.
/// </summary>
public static class MlpKernelDecay
{
    public const int FirstHarmonic = 16;
    public const int LastHarmonic = 128;

    private static readonly ConcurrentDictionary<(double QPhi, int Depth), Fit> Cache = new();

    /// <summary>lambda_k ~ k^-Exponent over the harmonics whose eigenvalue is positive; Used of them (all 113 but at depth 1, whose odd ones vanish).</summary>
    public sealed record Fit(double Exponent, int Used, int Harmonics);

    public static Fit Of(double qPhi, int depth) => Cache.GetOrAdd((qPhi, depth), key => Measure(key.QPhi, key.Depth));

    private static Fit Measure(double qPhi, int depth) => FitOf(CircleKernel.Eigenvalues(qPhi, depth, CircleKernelKind.Ntk, LastHarmonic));

    /// <summary>The fit of <see cref="Of"/> on eigenvalues already computed: lambda_0 .. lambda_k (index k), k at least <see cref="LastHarmonic"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="LastHarmonic"/> + 1 eigenvalues.</exception>
    public static Fit FitOf(IReadOnlyList<double> lambda)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        if (lambda.Count <= LastHarmonic)
        {
            throw new ArgumentException($"The fit needs lambda_0 .. lambda_{LastHarmonic}; {lambda.Count} eigenvalues were given.", nameof(lambda));
        }

        // A harmonic the kernel lacks (the odd ones of a depth-1 ReLU network, the arc-cosine kernel) is rounding
        // noise around zero, not a point of the power law: it is left out, and counted.
        double floor = 1e-12 * lambda[1];
        var x = new List<double>();
        var y = new List<double>();
        for (int k = FirstHarmonic; k <= LastHarmonic; k++)
        {
            if (lambda[k] > floor)
            {
                x.Add(Math.Log(k));
                y.Add(Math.Log(lambda[k]));
            }
        }

        int harmonics = LastHarmonic - FirstHarmonic + 1;
        if (x.Count < 2)
        {
            return new Fit(double.NaN, x.Count, harmonics);
        }

        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return new Fit(-sxy / sxx, x.Count, harmonics);
    }
}

using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The exact t -&gt; infinity loss of the projected model (eq. 4) of one seed: the loss of the best
/// predictor on its N features A0 psi, L_inf(N) = S - b^T K^-1 b with K = A0 Lambda A0^T,
/// b = A0 Lambda WStar and S = WStar^T Lambda WStar = L(0). Training only moves A(t) = Bmat(t) A0
/// inside the row space of A0 (Appendix B), so the predictor stays linear in A0 psi, whatever gamma,
/// and no run of that seed can end below this floor.
/// <para>
/// K and b are those of the fast sampler's precomputation (<see cref="ProjectedFast.Precompute"/>), from the
/// seed's own A0 (<see cref="InitialFeatures"/>), so the floor of seed s is the floor of that seed's run; they
/// are summed in column blocks (<see cref="WeightedGram"/>, several times faster at large N M), so they agree
/// with the sampler's to rounding, not bit for bit.
/// Row i of A0 does not depend on N, so the K and b of a width n are the leading n x n block and n
/// entries of those of any larger width: one Cholesky factor K = L L^T of the largest width gives every
/// smaller one, with y = L^-1 b by forward substitution and L_inf(n) = S - sum_{i &lt; n} y_i^2.
/// </para>
/// <para>
/// Cost: O(N^2 M) for K (dominant; see docs/numerics.md for the time at N = 1024, M = 10^5 on one core),
/// O(N^3 / 3) for the factor, N M doubles of memory for A0.
/// </para>
/// <para>
/// Precision: K has condition number about N^alpha (its smallest pivots are the tail mass
/// sum_{k &gt; N} lambda_k), and the Schur complement S - |y|^2 cancels the leading digits of S. The
/// Cholesky factor is backward stable, so the absolute error of L_inf is a few units of
/// N eps (S + |K^-1 b|^2 max_i K_ii): 2.8e-13 at alpha 2, beta 1.5, N = 1024, M = 10^5 (measured against the
/// directly evaluated residual loss v^T Lambda v at the solved coefficients, which has no cancellation):
/// relative 1e-6 or better for floors above 1e-6. A pivot below 1e-13 of the largest diagonal entry
/// of K (a feature in the span of the earlier ones, e.g. N &gt; M) is dropped, as in
/// <see cref="SemidefiniteCholesky"/>; it adds nothing to the predictor. A result below zero
/// (rounding, when the floor is below that error) is returned as zero.
/// </para>
/// </summary>
public static class ProjectedFloor
{
    /// <summary>
    /// L_inf(N) of seed <paramref name="seed"/> for each width in <paramref name="widths"/> (any order,
    /// repeats allowed) on <paramref name="spectrum"/>, from one precomputation at the largest width.
    /// </summary>
    /// <exception cref="ArgumentException">A width outside [1, <see cref="SimulationConfigValidation.MaxWidth"/>], no widths, or N M too large for one array.</exception>
    public static double[] Compute(ulong seed, Spectrum spectrum, ReadOnlySpan<int> widths) => Compute(seed, spectrum, widths, null);

    /// <summary>
    /// As <see cref="Compute(ulong, Spectrum, ReadOnlySpan{int})"/>, drawing A0 into <paramref name="workspace"/> when it
    /// holds at least N M values (so a loop over seeds holds one A0, 800 MB at N = 1024, M = 10^5, not one per seed
    /// until the collector runs); null allocates.
    /// </summary>
    public static double[] Compute(ulong seed, Spectrum spectrum, ReadOnlySpan<int> widths, double[]? workspace)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        int n = RequireWidths(widths, spectrum.M);
        var k = new double[n * n];
        var b = new double[n];
        long size = (long)n * spectrum.M;
        Span<double> a0 = workspace is not null && workspace.LongLength >= size ? workspace.AsSpan(0, (int)size) : new double[size];
        InitialFeatures.Fill(seed, n, spectrum.M, a0);
        WeightedGram.Compute(a0, n, spectrum.M, spectrum.Lambda, spectrum.WStar, k, b);
        var prefix = new double[n + 1];
        FromMoments(n, k, b, spectrum.InitialLoss, prefix);
        var floors = new double[widths.Length];
        for (int i = 0; i < widths.Length; i++)
        {
            floors[i] = prefix[widths[i]];
        }

        return floors;
    }

    /// <summary>L_inf(N) of one seed and one width.</summary>
    public static double Compute(ulong seed, Spectrum spectrum, int width) => Compute(seed, spectrum, [width])[0];

    /// <summary>
    /// The floors of every width 0..n from K (n x n, row-major), b and S: <paramref name="floors"/>[w] is
    /// S - b_w^T K_w^-1 b_w for the leading w x w block (floors[0] = S).
    /// </summary>
    internal static void FromMoments(int n, ReadOnlySpan<double> k, ReadOnlySpan<double> b, double s, Span<double> floors)
    {
        var factor = new double[n * n];
        SemidefiniteCholesky.Factor(k, n, factor);
        var y = new double[n];
        double explained = 0;
        floors[0] = s;
        for (int i = 0; i < n; i++)
        {
            double diagonal = factor[i * n + i];

            // A dropped pivot leaves its column of the factor zero: that feature lies in the span of the
            // earlier ones, so its coefficient is zero and the floor does not move.
            y[i] = diagonal > 0 ? (b[i] - DeterministicBlas.Dot(factor.AsSpan(i * n, i), y.AsSpan(0, i))) / diagonal : 0.0;
            explained += y[i] * y[i];
            floors[i + 1] = Math.Max(0.0, s - explained);
        }
    }

    private static int RequireWidths(ReadOnlySpan<int> widths, int m)
    {
        if (widths.IsEmpty)
        {
            throw new ArgumentException("widths is empty: give at least one width N.", nameof(widths));
        }

        int largest = 0;
        foreach (int width in widths)
        {
            if (width < 1 || width > SimulationConfigValidation.MaxWidth)
            {
                throw new ArgumentException($"N = {width} is out of range: N must be an integer from 1 to {SimulationConfigValidation.MaxWidth}.", nameof(widths));
            }

            largest = Math.Max(largest, width);
        }

        if ((long)largest * m > Array.MaxLength)
        {
            throw new ArgumentException($"N = {largest} is out of range with M = {m}: N x M must be at most {Array.MaxLength} (A0 is held in one array).", nameof(widths));
        }

        return largest;
    }
}

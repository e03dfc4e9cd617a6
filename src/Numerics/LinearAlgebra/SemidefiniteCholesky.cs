namespace ScaleSweep.Numerics.LinearAlgebra;

/// <summary>
/// Lower-triangular factor L with L L^T = S for a symmetric positive semidefinite S. Written here
/// rather than taken from MathNet because it must (a) accept singular matrices (the joint
/// covariance of (A0 x, wStar . x) has rank min(N + 1, M)) and (b) give the same bits on every
/// machine, which a provider that may run native or parallel code does not promise.
/// </summary>
public static class SemidefiniteCholesky
{
    /// <summary>
    /// Factorises the n x n row-major <paramref name="s"/> into the row-major lower triangle
    /// <paramref name="factor"/>. A pivot below <paramref name="relativeTolerance"/> times the
    /// largest diagonal entry is taken as zero and its column left zero: that direction carries no
    /// variance, and sampling F eta then stays exact in distribution up to that tolerance.
    /// </summary>
    /// <returns>The numerical rank.</returns>
    public static int Factor(ReadOnlySpan<double> s, int n, Span<double> factor, double relativeTolerance = 1e-13)
    {
        if (s.Length < n * n || factor.Length < n * n)
        {
            throw new ArgumentException($"SemidefiniteCholesky: spans too small for {n} x {n}.");
        }

        double maxDiagonal = 0;
        for (int i = 0; i < n; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, s[i * n + i]);
        }

        double tolerance = relativeTolerance * maxDiagonal;
        factor.Slice(0, n * n).Clear();
        int rank = 0;
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<double> rowJ = factor.Slice(j * n, j);
            double pivot = s[j * n + j] - DeterministicBlas.Dot(rowJ, rowJ);
            if (!(pivot > tolerance))
            {
                continue;
            }

            rank++;
            double diagonal = Math.Sqrt(pivot);
            factor[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++)
            {
                double value = s[i * n + j] - DeterministicBlas.Dot(factor.Slice(i * n, j), rowJ);
                factor[i * n + j] = value / diagonal;
            }
        }

        return rank;
    }
}

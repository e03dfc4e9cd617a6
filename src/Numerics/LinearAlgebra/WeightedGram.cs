namespace ScaleSweep.Numerics.LinearAlgebra;

/// <summary>
/// K = A diag(d) A^T and b = A diag(d) y for a row-major n x m matrix A with m much larger than n, in
/// column blocks so that the block's rows stay in cache while every pair of rows is reduced: the row-by-row
/// product streams all of A from memory once per row (n^2 m / 2 loads; about a minute for n = 1024,
/// m = 10^5), the blocked one loads each element once per block pass from cache. Reductions use
/// <see cref="DeterministicBlas.Dot"/> over blocks in a fixed order, so the result has the same bits on
/// every machine; it differs in the last bits from a single dot over the whole row.
/// </summary>
public static class WeightedGram
{
    /// <summary>Columns per block: 2 x n x 512 doubles (8 MB at n = 1024) stay in the last-level cache.</summary>
    public const int BlockColumns = 512;

    /// <summary>Fills the n x n <paramref name="k"/> (both triangles) and the n values of <paramref name="b"/>.</summary>
    public static void Compute(ReadOnlySpan<double> a, int n, int m, ReadOnlySpan<double> d, ReadOnlySpan<double> y, Span<double> k, Span<double> b)
    {
        if (a.Length < (long)n * m || d.Length != m || y.Length != m || k.Length < n * n || b.Length < n)
        {
            throw new ArgumentException($"WeightedGram: spans do not fit n = {n}, m = {m}.");
        }

        k.Slice(0, n * n).Clear();
        b.Slice(0, n).Clear();
        var scaled = new double[n * BlockColumns];
        for (int start = 0; start < m; start += BlockColumns)
        {
            int width = Math.Min(BlockColumns, m - start);
            ReadOnlySpan<double> dBlock = d.Slice(start, width);
            for (int i = 0; i < n; i++)
            {
                Span<double> scaledI = scaled.AsSpan(i * width, width);
                System.Numerics.Tensors.TensorPrimitives.Multiply(a.Slice(i * m + start, width), dBlock, scaledI);
                b[i] += DeterministicBlas.Dot(scaledI, y.Slice(start, width));
                for (int j = 0; j <= i; j++)
                {
                    k[i * n + j] += DeterministicBlas.Dot(scaledI, a.Slice(j * m + start, width));
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                k[j * n + i] = k[i * n + j];
            }
        }
    }
}

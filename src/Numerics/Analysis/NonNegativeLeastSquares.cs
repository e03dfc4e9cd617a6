using MathNet.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// min |X c - y|^2 subject to c &gt;= 0 for a handful of columns, solved exactly by trying every set of free
/// columns (the others held at 0) and keeping the best non-negative solution: at most 2^k - 1 small least-squares
/// solves, which for the k &lt;= 8 columns of the power-law term fits is far cheaper than the data, and needs no
/// iteration or tolerance. MathNet has ordinary least squares (QR) but no non-negative solver; Lawson-Hanson's
/// active-set method would be the choice for many columns.
/// </summary>
public static class NonNegativeLeastSquares
{
    /// <summary>Most columns accepted: 2^8 - 1 subsets.</summary>
    public const int MaxColumns = 8;

    /// <summary>The non-negative coefficients of the best fit; all zero when no column helps.</summary>
    /// <param name="x">The design, one row per observation, at most <see cref="MaxColumns"/> columns.</param>
    /// <param name="y">The observations, one per row.</param>
    /// <exception cref="ArgumentException">Mismatched sizes, no rows, too many columns, or a non-finite entry.</exception>
    public static double[] Solve(double[,] x, ReadOnlySpan<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        int rows = x.GetLength(0), columns = x.GetLength(1);
        if (rows == 0 || rows != y.Length || columns is < 1 or > MaxColumns)
        {
            throw new ArgumentException($"need 1..{MaxColumns} columns and one observation per row; got {rows} rows, {columns} columns and {y.Length} observations.", nameof(x));
        }

        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                if (!double.IsFinite(x[i, j]))
                {
                    throw new ArgumentException($"x[{i}, {j}] is {x[i, j]}: every entry must be finite.", nameof(x));
                }
            }

            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException($"y[{i}] is {y[i]}: every observation must be finite.", nameof(y));
            }
        }

        Vector<double> target = Vector<double>.Build.DenseOfArray(y.ToArray());
        double[] best = new double[columns];
        double bestResidual = target.DotProduct(target);
        for (int mask = 1; mask < 1 << columns; mask++)
        {
            int[] free = Enumerable.Range(0, columns).Where(j => (mask & (1 << j)) != 0).ToArray();
            if (free.Length > rows)
            {
                continue;
            }

            Matrix<double> design = Matrix<double>.Build.Dense(rows, free.Length, (i, k) => x[i, free[k]]);
            Vector<double> c;
            try
            {
                c = design.QR().Solve(target);
            }
            catch (ArgumentException)
            {
                continue; // a rank-deficient subset: a smaller one covers it
            }

            if (c.Exists(v => !(v >= 0)))
            {
                continue;
            }

            Vector<double> residual = design.Multiply(c) - target;
            double norm = residual.DotProduct(residual);
            if (norm < bestResidual)
            {
                bestResidual = norm;
                Array.Clear(best);
                for (int k = 0; k < free.Length; k++)
                {
                    best[free[k]] = c[k];
                }
            }
        }

        return best;
    }
}

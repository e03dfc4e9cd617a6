using ScaleSweep.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Tests.LinearAlgebra;

public class DeterministicBlasTests
{
    private static double[] Random(int n, int seed)
    {
        var rng = new System.Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1000)]
    public void DotMatchesPlainSum(int n)
    {
        var x = Random(n, 1);
        var y = Random(n, 2);
        double plain = 0, magnitude = 0;
        for (int i = 0; i < n; i++)
        {
            plain += x[i] * y[i];
            magnitude += Math.Abs(x[i] * y[i]);
        }

        Assert.True(Math.Abs(DeterministicBlas.Dot(x, y) - plain) <= 1e-15 * n * magnitude + 1e-300);
    }

    /// <summary>The reduction order is fixed by the code: this pins one value's exact bits.</summary>
    [Fact]
    public void DotOrderIsFixed()
    {
        var x = Enumerable.Range(0, 37).Select(i => 1.0 / (i + 1)).ToArray();
        var y = Enumerable.Range(0, 37).Select(i => Math.Sqrt(i + 2)).ToArray();

        // Four lanes of four accumulators over 32 elements, then a scalar tail of five: recomputed
        // here in that order by plain scalar code.
        var lanes = new double[16];
        for (int i = 0; i < 32; i++)
        {
            lanes[i % 16] += x[i] * y[i];
        }

        var acc = new double[4];
        for (int l = 0; l < 4; l++)
        {
            acc[l] = (lanes[l] + lanes[4 + l]) + (lanes[8 + l] + lanes[12 + l]);
        }

        double expected = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        for (int i = 32; i < 37; i++)
        {
            expected += x[i] * y[i];
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(DeterministicBlas.Dot(x, y)));
    }

    [Fact]
    public void MatrixKernelsMatchPlainLoops()
    {
        const int rows = 7, cols = 13;
        var a = Random(rows * cols, 3);
        var x = Random(cols, 4);
        var xr = Random(rows, 5);
        var y = new double[rows];
        DeterministicBlas.Gemv(a, rows, cols, x, y);
        var yt = new double[cols];
        DeterministicBlas.GemvTransposed(a, rows, cols, xr, yt);
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(Enumerable.Range(0, cols).Sum(j => a[i * cols + j] * x[j]), y[i], 12);
        }

        for (int j = 0; j < cols; j++)
        {
            Assert.Equal(Enumerable.Range(0, rows).Sum(i => a[i * cols + j] * xr[i]), yt[j], 12);
        }

        var updated = (double[])a.Clone();
        DeterministicBlas.Rank1Update(updated, rows, cols, 0.3, xr, x);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                Assert.Equal(a[i * cols + j] + 0.3 * xr[i] * x[j], updated[i * cols + j], 14);
            }
        }

        Assert.Throws<ArgumentException>(() => DeterministicBlas.Gemv(a, rows, cols + 1, x, y));
    }

    [Fact]
    public void CholeskyReconstructsDefiniteAndSemidefiniteMatrices()
    {
        // S = G G^T with G of 5 x 3: rank 3 in dimension 5.
        const int n = 5, r = 3;
        var g = Random(n * r, 6);
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < r; k++)
                {
                    s[i * n + j] += g[i * r + k] * g[j * r + k];
                }
            }
        }

        var factor = new double[n * n];
        Assert.Equal(r, SemidefiniteCholesky.Factor(s, n, factor, 1e-10));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double value = 0;
                for (int k = 0; k < n; k++)
                {
                    value += factor[i * n + k] * factor[j * n + k];
                }

                Assert.Equal(s[i * n + j], value, 10);
                if (j > i)
                {
                    Assert.Equal(0.0, factor[i * n + j]);
                }
            }
        }

        // Positive definite: full rank.
        for (int i = 0; i < n; i++)
        {
            s[i * n + i] += 1.0;
        }

        Assert.Equal(n, SemidefiniteCholesky.Factor(s, n, factor));
    }
}

using ScaleSweep.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Tests.LinearAlgebra;

public class WeightedGramTests
{
    /// <summary>
    /// K = A diag(d) A^T and b = A diag(d) y against the plain triple loop, with m = 1300 (two full blocks of 512 and a
    /// partial one); the blocked sums differ from the plain ones only in rounding (1e-13 relative here).
    /// </summary>
    [Fact]
    public void EqualsThePlainSumsOverBlocks()
    {
        const int n = 7, m = 1300;
        var random = new System.Random(3);
        double[] a = [.. Enumerable.Range(0, n * m).Select(_ => random.NextDouble() - 0.5)];
        double[] d = [.. Enumerable.Range(1, m).Select(k => Math.Pow(k, -1.5))];
        double[] y = [.. Enumerable.Range(1, m).Select(k => Math.Pow(k, -0.3))];
        var k = new double[n * n];
        var b = new double[n];
        WeightedGram.Compute(a, n, m, d, y, k, b);
        for (int i = 0; i < n; i++)
        {
            double bi = 0;
            for (int q = 0; q < m; q++)
            {
                bi += a[i * m + q] * d[q] * y[q];
            }

            Assert.Equal(bi, b[i], 1e-13 * Math.Abs(bi) + 1e-15);
            for (int j = 0; j < n; j++)
            {
                double kij = 0;
                for (int q = 0; q < m; q++)
                {
                    kij += a[i * m + q] * d[q] * a[j * m + q];
                }

                Assert.Equal(kij, k[i * n + j], 1e-13 * Math.Abs(kij) + 1e-15);
                Assert.Equal(k[i * n + j], k[j * n + i]);
            }
        }
    }

    [Fact]
    public void RefusesSpansThatDoNotFit() =>
        Assert.Throws<ArgumentException>(() => WeightedGram.Compute(new double[10], 2, 6, new double[6], new double[6], new double[4], new double[2]));
}

using MathNet.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// Gauss quadrature for the squared column norm n = |a_k|^2 / N of A(0) (a_k = A(0) e_k, i.i.d. N(0, 1)
/// entries), which is chi-square(N) / N = Gamma(shape N/2, scale 2/N): mean 1, variance 2/N. Each mode of the
/// finite-width DMFT sees its own n as a static (quenched) factor on its self-coupling (see
/// <see cref="FiniteWidthDmft"/>), so the solver averages every mode over these nodes. The nodes are those of
/// generalized Gauss-Laguerre (weight x^(N/2 - 1) e^-x), from the eigenvalues of its Jacobi matrix
/// (Golub-Welsch), scaled by 2/N; a Q-node rule is exact for polynomials in n of degree up to 2Q - 1.
/// </summary>
public static class ColumnNormQuadrature
{
    /// <summary>Nodes n_q and weights (summing to 1) of the Q-node rule for width <paramref name="n"/>; one node n = 1 for N = infinity.</summary>
    public static (double[] Nodes, double[] Weights) Rule(double n, int q)
    {
        if (double.IsPositiveInfinity(n) || q == 1)
        {
            return ([1.0], [1.0]);
        }

        double alpha = 0.5 * n - 1.0;
        var jacobi = Matrix<double>.Build.Dense(q, q);
        for (int i = 0; i < q; i++)
        {
            jacobi[i, i] = 2.0 * i + alpha + 1.0;
            if (i > 0)
            {
                double off = Math.Sqrt(i * (i + alpha));
                jacobi[i, i - 1] = off;
                jacobi[i - 1, i] = off;
            }
        }

        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var nodes = new double[q];
        var weights = new double[q];
        double total = 0.0;
        for (int i = 0; i < q; i++)
        {
            nodes[i] = evd.EigenValues[i].Real * 2.0 / n;
            double first = evd.EigenVectors[0, i];
            weights[i] = first * first;
            total += weights[i];
        }

        for (int i = 0; i < q; i++)
        {
            weights[i] /= total;
        }

        Array.Sort(nodes, weights);
        return (nodes, weights);
    }
}

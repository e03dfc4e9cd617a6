using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The four terms of eq. 8-9 (<see cref="SumOfPowerLaws"/>) with their exponents as the paper predicts them and
/// their prefactors fitted: L(t) ~ a t^-(beta m) + b N^-(alpha min(2, beta)) + c (1/N) t^-((1-1/alpha) m)
/// + d (eta/B) t^-((2-1/alpha) m), one (a, b, c, d) &gt;= 0 shared by every curve of a family (several B, or
/// several N), by least squares on the relative error, so every decade of the loss weighs alike.
/// </summary>
public static class TermPrefactorFit
{
    /// <summary>Fits the prefactors to the curves from step <paramref name="fromStep"/> on.</summary>
    /// <param name="curves">Each curve's recorded steps, mean loss, width N and batch B (+inf for the population gradient).</param>
    /// <param name="alpha">Capacity exponent.</param>
    /// <param name="beta">Source exponent.</param>
    /// <param name="gamma">Richness; only whether it is 0 matters (m).</param>
    /// <param name="eta">Learning rate.</param>
    /// <param name="fromStep">First step fitted (the terms are asymptotic in t), &gt;= 1.</param>
    /// <exception cref="ArgumentException">No positive finite loss at a step &gt;= <paramref name="fromStep"/>.</exception>
    public static TermPrefactorFitResult Fit(
        IReadOnlyList<(long[] Steps, double[] Mean, double N, double B)> curves, double alpha, double beta, double gamma, double eta, long fromStep)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromStep, 1);
        var rows = new List<(PowerLawTerms Terms, double Loss)>();
        foreach ((long[] steps, double[] mean, double n, double b) in curves)
        {
            for (int i = 0; i < steps.Length && i < mean.Length; i++)
            {
                if (steps[i] >= fromStep && mean[i] > 0 && double.IsFinite(mean[i]))
                {
                    rows.Add((SumOfPowerLaws.Terms(steps[i], alpha, beta, gamma, n, b, eta), mean[i]));
                }
            }
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException($"no curve has a positive, finite loss at a step >= {fromStep}.", nameof(curves));
        }

        // Relative residuals: each row divided by its loss, target 1.
        var x = new double[rows.Count, 4];
        var y = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            (PowerLawTerms terms, double loss) = rows[i];
            x[i, 0] = terms.GradientFlow / loss;
            x[i, 1] = terms.ModelBottleneck / loss;
            x[i, 2] = terms.FiniteNTransient / loss;
            x[i, 3] = terms.SgdTransient / loss;
            y[i] = 1.0;
        }

        double[] c = NonNegativeLeastSquares.Solve(x, y);
        double squares = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            double model = (c[0] * x[i, 0]) + (c[1] * x[i, 1]) + (c[2] * x[i, 2]) + (c[3] * x[i, 3]);
            squares += (model - 1) * (model - 1);
        }

        return new TermPrefactorFitResult(c[0], c[1], c[2], c[3], Math.Sqrt(squares / rows.Count), rows.Count);
    }
}

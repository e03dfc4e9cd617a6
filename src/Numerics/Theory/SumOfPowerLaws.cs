namespace ScaleSweep.Numerics.Theory;

/// <summary>
/// Approximate loss as a sum of power laws, eq. 8 (gamma = 0) and eq. 9 (gamma &gt; 0):
/// L(t, N, B) = t^-(beta m) + N^-(alpha min(2, beta)) + (1/N) t^-((1 - 1/alpha) m) + (eta/B) t^-((2 - 1/alpha) m),
/// with m = max(1, 2/(1+beta)) for gamma &gt; 0 and m = 1 for gamma = 0.
/// </summary>
/// <remarks>
/// Only the exponents are predicted: every prefactor is set to 1, so the curve is meant for slopes and
/// crossover scalings, not for absolute loss values. N and B accept <see cref="double.PositiveInfinity"/>
/// for the N, B -> infinity limit, which removes the terms they control. The form is asymptotic in large t
/// and diverges at t = 0, so t must be &gt;= 1 (one step). gamma enters only through m: its size sets
/// prefactors and crossover times that this approximation does not carry.
/// </remarks>
public static class SumOfPowerLaws
{
    /// <summary>Approximate loss at one time t (eq. 8-9).</summary>
    /// <param name="t">Training time (steps), finite and &gt;= 1.</param>
    /// <param name="alpha">Capacity exponent, &gt; 1.</param>
    /// <param name="beta">Source exponent, &gt; 0.</param>
    /// <param name="gamma">Richness, &gt;= 0; only whether it is zero matters.</param>
    /// <param name="modelSize">N, &gt;= 1 or +infinity.</param>
    /// <param name="batchSize">B, &gt;= 1 or +infinity.</param>
    /// <param name="eta">Learning rate, finite and &gt; 0; it only scales the SGD transient.</param>
    public static double Loss(
        double t,
        double alpha,
        double beta,
        double gamma,
        double modelSize = double.PositiveInfinity,
        double batchSize = double.PositiveInfinity,
        double eta = 1.0) =>
        Terms(t, alpha, beta, gamma, modelSize, batchSize, eta).Total;

    /// <summary>
    /// Approximate loss at each time of <paramref name="t"/>, written to <paramref name="destination"/>
    /// (same length). Arguments as in <see cref="Loss(double, double, double, double, double, double, double)"/>.
    /// </summary>
    public static void Loss(
        ReadOnlySpan<double> t,
        Span<double> destination,
        double alpha,
        double beta,
        double gamma,
        double modelSize = double.PositiveInfinity,
        double batchSize = double.PositiveInfinity,
        double eta = 1.0)
    {
        if (destination.Length != t.Length)
        {
            throw new ArgumentException(
                $"destination has length {destination.Length} but t has length {t.Length}; they must be equal.",
                nameof(destination));
        }

        var exponents = new TermExponents(alpha, beta, gamma, modelSize, batchSize, eta);
        for (int i = 0; i < t.Length; i++)
        {
            destination[i] = exponents.At(t[i]).Total;
        }
    }

    /// <summary>
    /// The four terms at one time t, separately. Arguments as in
    /// <see cref="Loss(double, double, double, double, double, double, double)"/>.
    /// </summary>
    public static PowerLawTerms Terms(
        double t,
        double alpha,
        double beta,
        double gamma,
        double modelSize = double.PositiveInfinity,
        double batchSize = double.PositiveInfinity,
        double eta = 1.0) =>
        new TermExponents(alpha, beta, gamma, modelSize, batchSize, eta).At(t);

    /// <summary>Validated parameters and exponents, computed once for a whole array of times.</summary>
    private readonly struct TermExponents
    {
        private readonly double _gradientFlowExponent;
        private readonly double _bottleneck;
        private readonly double _finiteNExponent;
        private readonly double _sgdExponent;
        private readonly double _inverseN;
        private readonly double _etaOverB;

        public TermExponents(double alpha, double beta, double gamma, double modelSize, double batchSize, double eta)
        {
            TheoryArguments.Alpha(alpha);
            TheoryArguments.Beta(beta);
            TheoryArguments.Gamma(gamma);
            TheoryArguments.SizeOrInfinity(modelSize, nameof(modelSize));
            TheoryArguments.SizeOrInfinity(batchSize, nameof(batchSize));
            TheoryArguments.FiniteAbove(eta, 0.0, nameof(eta), "learning rate");
            double m = Exponents.TimeAcceleration(beta, gamma);
            _bottleneck = Math.Pow(modelSize, -Exponents.ModelBottleneck(alpha, beta));
            _gradientFlowExponent = beta * m;
            _finiteNExponent = (1.0 - 1.0 / alpha) * m;
            _sgdExponent = (2.0 - 1.0 / alpha) * m;
            _inverseN = 1.0 / modelSize;
            _etaOverB = eta / batchSize;
        }

        public PowerLawTerms At(double t)
        {
            TheoryArguments.Time(t);
            return new PowerLawTerms(
                Math.Pow(t, -_gradientFlowExponent),
                _bottleneck,
                _inverseN * Math.Pow(t, -_finiteNExponent),
                _etaOverB * Math.Pow(t, -_sgdExponent));
        }
    }
}

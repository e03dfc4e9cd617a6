namespace ScaleSweep.Numerics.Theory;

/// <summary>
/// Closed-form scaling exponents of Bordelon, Atanasov and Pehlevan (2024) for a power-law task with
/// capacity alpha (lambda_k = k^-alpha) and source beta ((wStar_k)^2 lambda_k = k^-(alpha beta + 1)).
/// Every exponent is a positive decay rate r of a loss L ~ x^-r.
/// </summary>
/// <remarks>
/// alpha must be finite and &gt; 1, beta finite and &gt; 0, gamma finite and &gt;= 0;
/// otherwise an <see cref="ArgumentOutOfRangeException"/> names the parameter and its range.
/// </remarks>
public static class Exponents
{
    /// <summary>
    /// Task phase of Table 1: hard beta &lt; 1, easy 1 &lt;= beta &lt; 2 - 1/alpha, super-easy beta &gt;= 2 - 1/alpha.
    /// </summary>
    /// <remarks>
    /// The paper uses strict inequalities on both sides and leaves the boundaries open; here each boundary
    /// belongs to the phase above it. The choice is harmless: the compute-optimal exponents of
    /// <see cref="ComputeOptimal"/> are continuous across both boundaries (at beta = 1 hard and easy both give
    /// alpha/(alpha+1); at beta = 2 - 1/alpha easy and super-easy both give 1 - 1/(2 alpha)).
    /// </remarks>
    public static TaskPhase Phase(double alpha, double beta)
    {
        TheoryArguments.Alpha(alpha);
        TheoryArguments.Beta(beta);
        if (beta < 1.0)
        {
            return TaskPhase.Hard;
        }

        return beta < 2.0 - 1.0 / alpha ? TaskPhase.Easy : TaskPhase.SuperEasy;
    }

    /// <summary>Lazy (gamma = 0, random-feature) time exponent chi = beta: L(t) ~ t^-beta (eq. 8).</summary>
    public static double ChiLazy(double beta)
    {
        TheoryArguments.Beta(beta);
        return beta;
    }

    /// <summary>
    /// Rich (gamma &gt; 0) time exponent chi = beta max(1, 2/(1+beta)) (eq. 10-11): the exponent doubles to
    /// 2 beta/(1+beta) for hard tasks and is unchanged for beta &gt;= 1.
    /// </summary>
    public static double ChiRich(double beta)
    {
        TheoryArguments.Beta(beta);
        return beta * Acceleration(beta);
    }

    /// <summary>
    /// Time exponent chi of the N, B -> infinity loss L(t) ~ t^-chi: <see cref="ChiRich"/> for gamma &gt; 0
    /// and <see cref="ChiLazy"/> for gamma = 0 (eq. 10). Any gamma &gt; 0 changes the exponent; gamma only
    /// moves the time at which the rich power law takes over.
    /// </summary>
    public static double TimeExponent(double beta, double gamma)
    {
        TheoryArguments.Gamma(gamma);
        return gamma > 0.0 ? ChiRich(beta) : ChiLazy(beta);
    }

    /// <summary>
    /// Factor m by which every time exponent of eq. 9 exceeds its lazy value in eq. 8:
    /// m = max(1, 2/(1+beta)) for gamma &gt; 0 and m = 1 for gamma = 0.
    /// </summary>
    public static double TimeAcceleration(double beta, double gamma)
    {
        TheoryArguments.Beta(beta);
        TheoryArguments.Gamma(gamma);
        return gamma > 0.0 ? Acceleration(beta) : 1.0;
    }

    /// <summary>
    /// Exponents chi_0..chi_n of the perturbative approximation levels of eq. 62 (Fig. 10):
    /// chi_0 = beta, chi_{k+1} = beta (2 - chi_k), so level 1 is beta(2 - beta), level 2 is beta(2 - beta(2 - beta)).
    /// </summary>
    /// <remarks>
    /// Each level feeds the error decay of the previous level into the kernel growth (eq. 60-61). The map
    /// chi -> beta(2 - chi) has slope -beta, so for beta &lt; 1 the levels alternate around and converge
    /// geometrically (ratio beta) to its fixed point 2 beta/(1+beta), the self-consistent exponent of eq. 68.
    /// The scheme assumes beta &lt; 1 (eq. 56: the kernel grows like t^(1-beta) only when the target has
    /// infinite RKHS norm). At beta = 1 every level equals 1. For beta &gt; 1 the levels oscillate with growing
    /// amplitude and mean nothing: the kernel growth saturates, the max(1, .) of eq. 10 applies and the rich
    /// exponent stays beta (<see cref="ChiRich"/>). The levels are returned as computed, for any beta &gt; 0.
    /// </remarks>
    /// <param name="beta">Source exponent.</param>
    /// <param name="n">Highest level, in [0, 1000000]; the result has n + 1 entries.</param>
    public static double[] Levels(double beta, int n)
    {
        TheoryArguments.Beta(beta);
        TheoryArguments.IntegerInRange(n, 0, MaxLevel, nameof(n), "number of levels above level 0");
        var chi = new double[n + 1];
        Levels(beta, chi);
        return chi;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with chi_0..chi_{Length-1} of eq. 62 (see <see cref="Levels(double, int)"/>).
    /// </summary>
    public static void Levels(double beta, Span<double> destination)
    {
        TheoryArguments.Beta(beta);
        double chi = beta;
        for (int k = 0; k < destination.Length; k++)
        {
            destination[k] = chi;
            chi = beta * (2.0 - chi);
        }
    }

    /// <summary>
    /// Model-size bottleneck exponent alpha min(2, beta): L(t -> infinity, N) ~ N^-(alpha min(2, beta))
    /// (eq. 12, 76). It is the same for lazy and rich training: feature learning cannot recover target
    /// directions outside the N-dimensional span of A(0).
    /// </summary>
    public static double ModelBottleneck(double alpha, double beta)
    {
        TheoryArguments.Alpha(alpha);
        TheoryArguments.Beta(beta);
        return alpha * Math.Min(2.0, beta);
    }

    /// <summary>
    /// Measured model-size floor exponent alpha min(1, beta) (not in the paper): the exact t -&gt; infinity
    /// loss of the projected model, the best predictor on its N features
    /// (<see cref="Models.ProjectedFloor"/>), falls as N^-(alpha min(1, beta)). For beta &lt;= 1 it equals
    /// <see cref="ModelBottleneck"/>; for beta &gt; 1 eq. 76 keeps the bias factor (1 + lambda N^alpha)^-2 and
    /// drops the variance of the unlearnable modes beyond N, about N^-alpha, which then dominates
    /// (docs/numerics.md, "Model-size floor").
    /// </summary>
    public static double ModelBottleneckMeasured(double alpha, double beta)
    {
        TheoryArguments.Alpha(alpha);
        TheoryArguments.Beta(beta);
        return alpha * Math.Min(1.0, beta);
    }

    /// <summary>
    /// Compute-optimal exponent r_C of L*(C) ~ C^-r_C, C = N t, for lazy training (Table 1, gamma = 0):
    /// hard alpha beta/(alpha+1), easy alpha beta/(alpha beta+1), super-easy 1 - 1/(2 alpha).
    /// </summary>
    public static double ComputeOptimalLazy(double alpha, double beta) =>
        Phase(alpha, beta) switch
        {
            TaskPhase.Hard => alpha * beta / (alpha + 1.0),
            _ => ComputeOptimalBeyondHard(alpha, beta),
        };

    /// <summary>
    /// Compute-optimal exponent r_C for rich training (Table 1, gamma &gt; 0): hard tasks improve to
    /// 2 alpha beta/(alpha(1+beta)+2), balancing t^-(2beta/(1+beta)) against N^-(alpha beta); easy and
    /// super-easy tasks keep the lazy exponents.
    /// </summary>
    public static double ComputeOptimalRich(double alpha, double beta) =>
        Phase(alpha, beta) switch
        {
            TaskPhase.Hard => 2.0 * alpha * beta / (alpha * (1.0 + beta) + 2.0),
            _ => ComputeOptimalBeyondHard(alpha, beta),
        };

    /// <summary>
    /// Compute-optimal exponent r_C of Table 1: <see cref="ComputeOptimalRich"/> for gamma &gt; 0 and
    /// <see cref="ComputeOptimalLazy"/> for gamma = 0.
    /// </summary>
    public static double ComputeOptimal(double alpha, double beta, double gamma)
    {
        TheoryArguments.Gamma(gamma);
        return gamma > 0.0 ? ComputeOptimalRich(alpha, beta) : ComputeOptimalLazy(alpha, beta);
    }

    private const int MaxLevel = 1_000_000;

    private static double Acceleration(double beta) => Math.Max(1.0, 2.0 / (1.0 + beta));

    private static double ComputeOptimalBeyondHard(double alpha, double beta) =>
        Phase(alpha, beta) == TaskPhase.Easy
            ? alpha * beta / (alpha * beta + 1.0)
            : 1.0 - 1.0 / (2.0 * alpha);
}

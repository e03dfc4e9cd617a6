using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics;

namespace ScaleSweep.Numerics.Theory;

/// <summary>
/// The self-consistent time exponent of eq. 10 (derived as eq. 69 in Appendix E.2), evaluated numerically
/// on any finite spectrum:
/// chi = -lim_{t -> infinity} (1 / ln t) ln F(t; chi), F(t; chi) = sum_k (wStar_k)^2 lambda_k exp(-lambda_k (t + gamma t^(2 - chi))).
/// </summary>
/// <remarks>
/// <para>
/// Method. The limit is replaced by the least-squares slope s(chi) of -ln F(t; chi) against ln t at
/// log-spaced times in a window [t0, t1], and chi = s(chi) is solved by Steffensen's (Aitken-accelerated)
/// fixed-point iteration from chi = 1, where F is the lazy sum at rescaled time t(1 + gamma). For a power-law
/// spectrum s(chi) is close to beta max(1, 2 - chi), a line of slope -beta for chi &lt; 1, so the
/// Aitken step is nearly exact and a few iterations suffice where plain iteration contracts only by beta.
/// For gamma = 0, F does not depend on chi and one iteration returns the lazy exponent.
/// </para>
/// <para>
/// Why a window and not the limit. On a finite spectrum F(t) ~ (w_M)^2 lambda_M exp(-lambda_M tau) as
/// tau = t + gamma t^(2 - chi) -> infinity, so -ln F / ln t grows without bound and the t -> infinity limit
/// of eq. 10 does not exist. The power law lives in 1 &lt;&lt; lambda_max tau and lambda_min tau &lt;&lt; 1. The
/// default window starts at t0 = 10 / lambda_max and ends where lambda_min tau(t1) = 0.01 (see
/// <see cref="SelfConsistentChiOptions"/>); it is bounded in the effective time tau rather than in t because
/// feature learning speeds up the clock (tau ~ gamma t^(2 - chi) for chi &lt; 1), so t1 moves with the iterate.
/// The window is capped at twelve decades, and one decade is the least accepted.
/// </para>
/// <para>
/// Finite-window bias. Three effects remain and shrink only slowly with the window: modes beyond M are
/// missing (relative size about (lambda_min tau)^beta / Gamma(1 + beta) at the end, steepening the slope),
/// the lazy term t of tau still matters early on (relative size t^(chi - 1) / gamma for chi &lt; 1), and for
/// beta &gt; 1 the subleading gamma t^(2 - chi) term decays only like gamma t^(1 - chi). For lambda_k = k^-2 and
/// M = 10^6 the result lies within about 0.01 of beta max(1, 2/(1+beta)) for beta = 0.4 (gamma = 1) and
/// beta = 1.2 (gamma = 0.25); larger gamma at beta &gt; 1 biases it further down. For small gamma on a hard
/// task the rich power law only starts once gamma t^(2 - chi) overtakes t, near t ~ gamma^(-1/(1 - chi));
/// set <see cref="SelfConsistentChiOptions.T0"/> well beyond that time.
/// </para>
/// </remarks>
public static class SelfConsistentChi
{
    private const double MaxWindowRatio = 1e12;
    private const double MinWindowRatio = 10.0;

    /// <summary>Solves chi = s(chi) for the spectrum lambda_k with target weights wStar_k and richness gamma.</summary>
    /// <param name="lambda">Eigenvalues lambda_k, each finite and &gt; 0, in any order.</param>
    /// <param name="wStar">Target coefficients wStar_k (only their squares enter), same length as lambda.</param>
    /// <param name="gamma">Richness, finite and &gt;= 0; 0 gives the lazy exponent.</param>
    /// <param name="options">Window and iteration settings; null means <see cref="SelfConsistentChiOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Mismatched or invalid spectrum, or a window narrower than a decade.</exception>
    /// <exception cref="NonConvergenceException">No convergence within <see cref="SelfConsistentChiOptions.MaxIterations"/>.</exception>
    public static SelfConsistentChiResult Solve(
        ReadOnlySpan<double> lambda,
        ReadOnlySpan<double> wStar,
        double gamma,
        SelfConsistentChiOptions? options = null)
    {
        TheoryArguments.Gamma(gamma);
        options ??= SelfConsistentChiOptions.Default;
        if (lambda.Length != wStar.Length)
        {
            throw new ArgumentException(
                $"wStar has length {wStar.Length} but lambda has length {lambda.Length}; they must be equal.",
                nameof(wStar));
        }

        double[] weights = ArrayPool<double>.Shared.Rent(lambda.Length);
        double[] scratch = ArrayPool<double>.Shared.Rent(lambda.Length);
        try
        {
            var window = new Window(lambda, wStar, weights.AsSpan(0, lambda.Length), scratch.AsSpan(0, lambda.Length), gamma, options);
            return Iterate(ref window, options);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weights);
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    private static SelfConsistentChiResult Iterate(ref Window window, SelfConsistentChiOptions options)
    {
        double chi = 1.0;
        double slope = window.Slope(chi, out _);
        double residual = Math.Abs(slope - chi);
        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            double slope2 = window.Slope(slope, out _);
            double curvature = slope2 - 2.0 * slope + chi;
            double next = slope2;
            if (curvature != 0.0)
            {
                double aitken = chi - (slope - chi) * (slope - chi) / curvature;
                if (double.IsFinite(aitken) && aitken > 0.0)
                {
                    next = aitken;
                }
            }

            chi = next;
            slope = window.Slope(chi, out double t1);
            residual = Math.Abs(slope - chi);
            if (residual <= options.Tolerance)
            {
                return new SelfConsistentChiResult(chi, iteration, residual, window.T0, t1);
            }
        }

        throw new NonConvergenceException(string.Create(
            CultureInfo.InvariantCulture,
            $"The self-consistent exponent did not converge in {options.MaxIterations} iterations: last chi = {chi}, residual |slope(chi) - chi| = {residual} > tolerance {options.Tolerance}. Try a wider window (more modes) or more iterations."));
    }

    /// <summary>The spectrum, its scratch space and the window: everything one slope evaluation needs.</summary>
    private ref struct Window
    {
        private readonly ReadOnlySpan<double> _lambda;
        private readonly Span<double> _weights;
        private readonly Span<double> _scratch;
        private readonly double _gamma;
        private readonly double? _fixedT1;
        private readonly double _tauEnd;
        private readonly int _points;
        private readonly double _lambdaMin;
        private readonly double _lambdaMax;

        public Window(
            ReadOnlySpan<double> lambda,
            ReadOnlySpan<double> wStar,
            Span<double> weights,
            Span<double> scratch,
            double gamma,
            SelfConsistentChiOptions options)
        {
            _lambda = lambda;
            _weights = weights;
            _scratch = scratch;
            _gamma = gamma;
            _points = options.Points;
            (_lambdaMin, _lambdaMax) = FillWeights(lambda, wStar, weights);
            T0 = options.T0 ?? 10.0 / _lambdaMax;
            _fixedT1 = options.T1;
            _tauEnd = Math.Min(options.EdgeFraction / _lambdaMin, MaxWindowRatio * T0);
        }

        public double T0 { get; }

        /// <summary>Least-squares slope of -ln F(t; chi) against ln t over the window.</summary>
        public readonly double Slope(double chi, out double t1)
        {
            t1 = _fixedT1 ?? EndOfWindow(chi);
            if (!(t1 >= MinWindowRatio * T0))
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The time window [{T0}, {t1}] at chi = {chi} spans less than a decade: the spectrum (lambda from {_lambdaMin} to {_lambdaMax}) is too narrow for gamma = {_gamma}. Use more modes or set T0 and T1."));
            }

            double logT0 = Math.Log(T0);
            double step = (Math.Log(t1) - logT0) / (_points - 1);
            double centre = 0.5 * (_points - 1);
            double numerator = 0.0;
            double denominator = 0.0;
            for (int j = 0; j < _points; j++)
            {
                double x = step * (j - centre);
                numerator += x * -LogF(Math.Exp(logT0 + step * j), chi);
                denominator += x * x;
            }

            return numerator / denominator;
        }

        private readonly double Tau(double t, double chi) => t + _gamma * Math.Pow(t, 2.0 - chi);

        private readonly double LogF(double t, double chi)
        {
            double tau = Tau(t, chi);
            TensorPrimitives.Multiply(_lambda, -tau, _scratch);
            TensorPrimitives.Exp(_scratch, _scratch);
            double f = TensorPrimitives.Dot(_weights, _scratch);
            if (!(f > 0.0) || !double.IsFinite(f))
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"F(t = {t}) = {f} at chi = {chi}: the window runs past the smallest eigenvalue ({_lambdaMin}). Choose a smaller T1."));
            }

            return Math.Log(f);
        }

        /// <summary>Largest t in [T0, tauEnd] with tau(t; chi) &lt;= tauEnd, by bisection in ln t.</summary>
        private readonly double EndOfWindow(double chi)
        {
            double low = Math.Log(T0);
            double high = Math.Log(_tauEnd);
            if (Tau(T0, chi) > _tauEnd)
            {
                return T0;
            }

            for (int i = 0; i < 200 && high - low > 1e-13; i++)
            {
                double middle = 0.5 * (low + high);
                if (Tau(Math.Exp(middle), chi) <= _tauEnd)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            return Math.Exp(low);
        }

        /// <summary>
        /// Weights (wStar_k)^2 lambda_k, and the lambda range over the modes that carry weight: modes with
        /// wStar_k = 0 never show in F, so they must not set the window.
        /// </summary>
        private static (double Min, double Max) FillWeights(
            ReadOnlySpan<double> lambda, ReadOnlySpan<double> wStar, Span<double> weights)
        {
            double min = double.PositiveInfinity;
            double max = 0.0;
            for (int k = 0; k < lambda.Length; k++)
            {
                if (!double.IsFinite(lambda[k]) || !(lambda[k] > 0.0))
                {
                    throw TheoryArguments.OutOfRange(
                        lambda[k], nameof(lambda), "a finite number > 0 at every index", $"index {k}");
                }

                weights[k] = wStar[k] * wStar[k] * lambda[k];
                if (!double.IsFinite(weights[k]))
                {
                    throw TheoryArguments.OutOfRange(
                        wStar[k], nameof(wStar), "finite, with a finite (wStar_k)^2 lambda_k", $"index {k}");
                }

                if (weights[k] > 0.0)
                {
                    min = Math.Min(min, lambda[k]);
                    max = Math.Max(max, lambda[k]);
                }
            }

            if (max == 0.0)
            {
                throw new ArgumentException(
                    "wStar is zero on every mode (or the spectrum is empty): F vanishes and has no exponent.",
                    nameof(wStar));
            }

            return (min, max);
        }
    }
}

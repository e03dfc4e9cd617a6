using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The N, B -&gt; infinity DMFT of <see cref="InfiniteWidthDmft"/> (eq. 43-44) on a coarse time grid: exact SGD
/// steps up to a uniform stretch t0, then the gradient-flow form on a geometric grid of steps.
/// <para>
/// <b>Rank structure.</b> Both memory kernels are sums over modes, C_w(t,s) = sum_j vw_j(t) vw_j(s) and
/// C_2(t,s) = sum_j lambda_j^2 v0_j(t) v0_j(s) (weights w_j implied), so every memory sum is a bilinear form
/// in one modes x modes matrix G_jk(t) = eta sum_{s&lt;t} vw_j(s) v0_k(s):
/// <code>
/// v0_k(t)   = wStar_k - vw_k(t) - gamma lambda_k H_k(t),         H_k = sum_j w_j vw_j(t) G_jk(t)
/// vw_k(t+1) = vw_k(t) + eta (lambda_k v0_k(t) + gamma F_k(t)),    F_k = sum_j w_j lambda_j^2 v0_j(t) G_kj(t)
/// G(t+1)    = G(t) + eta vw(t) v0(t)^T
/// </code>
/// which is eq. 43-44 exactly (the same sums, in another order): O(modes^2) per step instead of O(modes t).
/// It is also the forward-Euler step, of size eta, of the gradient flow in tau = eta t,
/// <code>
/// dvw_k/dtau = lambda_k v0_k + gamma F_k,   dG_jk/dtau = vw_j v0_k,   v0 as above,
/// </code>
/// i.e. v0_k(tau) = wStar_k - vw_k - gamma lambda_k int_0^tau C_w(tau,s) v0_k(s) ds and
/// dvw_k/dtau = lambda_k v0_k + gamma int_0^tau C_2(tau,s) vw_k(s) ds (eta drops out).
/// </para>
/// <para>
/// <b>Validity.</b> The flow is the SGD recursion up to O(eta lambda) per mode. Two choices keep that
/// difference out of the curve: the first t0 steps (where eta lambda of the active modes is not small) are
/// exact SGD steps, and in the flow each mode's own decay uses the discrete-step rate
/// mu_k = -ln(1 - eta lambda_k) / eta instead of lambda_k, so gamma = 0 gives (1 - eta lambda_k)^t exactly
/// on any grid. That needs eta lambda_max &lt; 1 (checked). After t0 the modes that still move have
/// eta lambda ~ 1/t &lt;= 1/t0, and the remaining difference of the feature-learning terms is O(1/t0).
/// The flow also stops describing SGD once the top mode's effective rate lambda_max (1 + gamma C_w) exceeds
/// 2 / eta: there the SGD recursion is unstable in that mode while the flow is not. C_w = |w|^2/N grows on
/// hard tasks, so long rich runs get there (beta = 0.4, gamma = 1, eta = 0.05: from t = 1.4e5);
/// <see cref="DmftCurve.StepStabilityLimit"/> reports the first such step.
/// </para>
/// <para>
/// <b>Coarse step.</b> The error obeys dv0_k/dtau = -a_k v0_k - gamma R_k with the stiff self-decay
/// a_k = mu_k + gamma lambda_k C_w(tau,tau) and the coupling R_k = F_k + lambda_k sum_j w_j (dvw_j/dtau) G_jk.
/// Over a step of h, v0_k is integrated exactly for a_k fixed (the mean of its two end values) and R_k
/// constant at its value R*_k at the end of the step (exponential time differencing, implicit in the
/// coupling): v0_k(s) = v0_k e^{-a s} - gamma R*_k s phi1(a s). The state's increments use the same model,
/// in closed form: dvw_k = mu_k I_k + gamma int F_k and dG_jk = int vw_j v0_k with vw linear over the step,
/// I_k = int v0_k, J_k = int s v0_k. R* = R(state(R*)) is solved by Anderson-accelerated damped fixed-point
/// iteration from the predictor (R frozen at the start). Why implicit: the converged head modes (a_k h &gt;&gt; 1)
/// sit at the quasi-static v0_k = -gamma R_k / a_k and couple through R with a gain of order one, so R taken
/// at the start of the step (or interpolated linearly between the ends, the trapezoidal ETD2) blows up once
/// h exceeds ~2 in tau (measured, beta = 1.2, gamma = 1). A step whose corrector does not converge, or whose
/// corrector and predictor differ by more than 1 % in the loss norm, is split in halves.
/// The flow's discretisation error, against p = 1600 points per decade, is ~1e-4 at the default p = 100 and
/// 2e-7 .. 2e-5 at p = 800 (tested), below the O(1/t0) difference between the flow and SGD (docs/dmft.md, "Coarse grid
/// against uniform steps"). Grid: t_{n+1} = max(t_n + 1, floor(t_n 10^(1/p))), capped at the next recorded step, so every
/// recorded step is a grid point (no interpolation).
/// </para>
/// </summary>
public static class GradientFlowDmft
{
    /// <summary>Default uniform stretch of exact SGD steps before the geometric grid.</summary>
    public const long DefaultUniformSteps = 1000;

    /// <summary>Default geometric grid density (grid points per decade of t).</summary>
    public const int DefaultGridPointsPerDecade = 100;

    /// <summary>Corrector iterations per coarse step at most.</summary>
    private const int MaxIterations = 50;

    /// <summary>Corrector convergence: max |R(state(R*)) - R*| / max |R| (the round-off floor is ~1e-11).</summary>
    private const double Tolerance = 1e-10;

    /// <summary>A corrector that ends with a larger defect has not converged: the step is split.</summary>
    private const double Unconverged = 1e-7;

    /// <summary>History kept by the Anderson acceleration of the corrector.</summary>
    private const int AndersonDepth = 20;

    /// <summary>Largest predictor-corrector difference of a step, relative in the loss norm, before it is split.</summary>
    private const double StepTolerance = 0.01;

    /// <summary>A coarse step whose corrector does not converge is split in halves, at most this many times.</summary>
    private const int MaxSplits = 12;

    /// <summary>Below this many modes the matrix-vector products run on one thread.</summary>
    private const int ParallelModes = 384;

    /// <summary>Column block of the parallel transposed products; any block gives the same bits.</summary>
    private const int Block = 64;

    /// <summary>True when the flow's discrete-step rates exist: eta lambda_k &lt; 1 for every mode.</summary>
    public static bool IsValid(ModeSet modes, double eta)
    {
        ArgumentNullException.ThrowIfNull(modes);
        foreach (double l in modes.Lambda)
        {
            if (!(eta * l < 1.0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Bytes the solver holds, independent of T: the matrix G with its predicted and corrected copies
    /// (3 modes^2 doubles), about 30 per-mode vectors and the Anderson history (2 depth vectors).
    /// </summary>
    public static long EstimatedBytes(int modes) => 8L * ((3L * modes * modes) + ((30L + (2L * AndersonDepth)) * modes));

    /// <summary>The loss curve of eq. 43-44 on <see cref="LogGrid.Steps"/>: exact steps to <paramref name="uniformSteps"/>, then the flow.</summary>
    public static DmftCurve Solve(
        ModeSet modes,
        double gamma,
        double eta,
        long steps,
        int pointsPerDecade = 10,
        long uniformSteps = DefaultUniformSteps,
        int gridPointsPerDecade = DefaultGridPointsPerDecade,
        int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default,
        DmftProgress? progress = null)
    {
        TheoryArguments.DmftCommon(modes, gamma, eta, steps);

        if (uniformSteps < 1 || uniformSteps > DmftSettings.MaxSteps)
        {
            throw TheoryArguments.OutOfRange(uniformSteps, nameof(uniformSteps), $"an integer in [1, {DmftSettings.MaxSteps}]");
        }

        TheoryArguments.IntegerInRange(gridPointsPerDecade, 1, 100_000, nameof(gridPointsPerDecade));
        if (!IsValid(modes, eta))
        {
            throw TheoryArguments.OutOfRange(
                eta, nameof(eta), $"< 1 / lambda_max = {TheoryArguments.Format(1.0 / MaxLambda(modes))}", "the gradient-flow time grid needs eta lambda_max < 1; use the uniform grid");
        }

        long[] recorded = LogGrid.Steps(steps, pointsPerDecade);
        var solver = new State(modes, gamma, eta, maxDegreeOfParallelism);
        long points = solver.Run(recorded, steps, Math.Min(uniformSteps, steps), gridPointsPerDecade, cancellationToken, progress);
        long stretch = Math.Min(uniformSteps, steps);
        return new DmftCurve(
            recorded, solver.Loss, solver.Norm, modes.Count, modes.IsExact, points, 1, solver.Residual,
            Inv($"dmft-infinite (eq. 43-44), {stretch} SGD steps then gradient flow, {gridPointsPerDecade} points/decade"))
        {
            TimeGrid = Inv($"geometric: every step to {stretch}, then {gridPointsPerDecade} points/decade ({solver.Splits} split)")
                + (solver.StabilityLimit is long limit ? Inv($"; eta lambda_max (1 + gamma |w|^2/N) >= 2 from t = {limit}: SGD steps are unstable there and leave the flow") : string.Empty),
            StepStabilityLimit = solver.StabilityLimit,
        };
    }

    private static string Inv(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double MaxLambda(ModeSet modes)
    {
        double max = 0;
        foreach (double l in modes.Lambda)
        {
            max = Math.Max(max, l);
        }

        return max;
    }

    /// <summary>
    /// exp(-z) and the integrals of the step for z = a h &gt;= 0: phi_n(z) = int_0^1 e^{-z(1-x)} x^{n-1}/(n-1)! dx
    /// (n = 1..3), E1 = int_0^1 x e^{-zx} dx, K1 = (1/2 - E1)/z, K2 = (1/3 - K1)/z; by series below z = 1.
    /// </summary>
    internal static void StepFunctions(double z, out double e, out double phi1, out double phi2, out double phi3, out double e1, out double k1, out double k2)
    {
        e = Math.Exp(-z);
        if (z < 1.0)
        {
            // sum_n (-z)^n c_n with c_n from the closed forms' Taylor series; 1/n! < 1e-19 by n = 21.
            double p1 = 0, p2 = 0, p3 = 0, q1 = 0, r1 = 0, r2 = 0;
            double power = 1.0, factorial = 1.0; // (-z)^n, n!
            for (int n = 0; n <= 22; n++)
            {
                double f1 = factorial * (n + 1), f2 = f1 * (n + 2), f3 = f2 * (n + 3);
                p1 += power / f1;
                p2 += power / f2;
                p3 += power / f3;
                q1 += power / (factorial * (n + 2));
                r1 += power / (f1 * (n + 3));
                r2 += power / (f2 * (n + 4));
                power *= -z;
                factorial *= n + 1;
            }

            (phi1, phi2, phi3, e1, k1, k2) = (p1, p2, p3, q1, r1, r2);
            return;
        }

        phi1 = (1.0 - e) / z;
        phi2 = (1.0 - phi1) / z;
        phi3 = (0.5 - phi2) / z;
        e1 = (1.0 - e * (1.0 + z)) / (z * z);
        k1 = (0.5 - e1) / z;
        k2 = (1.0 / 3.0 - k1) / z;
    }

    private sealed class State
    {
        private readonly int _m;
        private readonly double _gamma, _eta;
        private readonly double[] _lambda, _mu, _wStar, _weight, _wl2;
        private readonly double[] _v0;
        private readonly double[] _rs, _as, _v0Pred;
        private readonly Anderson _anderson;
        private double[] _vw, _g, _vwC, _gC;
        private readonly double[] _f, _r, _a, _x, _y;
        private readonly double[] _vwP, _gP, _v0P, _fP, _rP, _aP;
        private readonly double[] _i, _j;
        private readonly ParallelOptions _options;
        private readonly double _lambdaMax;
        private double _cw;

        public State(ModeSet modes, double gamma, double eta, int parallelism)
        {
            _m = modes.Count;
            _gamma = gamma;
            _eta = eta;
            _lambda = modes.Lambda.ToArray();
            _wStar = modes.WStar.ToArray();
            _weight = modes.Weight.ToArray();
            _lambdaMax = MaxLambda(modes);
            _mu = new double[_m];
            _wl2 = new double[_m];
            for (int k = 0; k < _m; k++)
            {
                _mu[k] = -Math.Log(1.0 - eta * _lambda[k]) / eta;
                _wl2[k] = _weight[k] * _lambda[k] * _lambda[k];
            }

            _vw = new double[_m];
            _g = new double[_m * _m];
            _v0 = new double[_m];
            _f = new double[_m];
            _r = new double[_m];
            _a = new double[_m];
            _x = new double[_m];
            _y = new double[_m];
            _vwP = new double[_m];
            _gP = new double[_m * _m];
            _v0P = new double[_m];
            _fP = new double[_m];
            _rP = new double[_m];
            _aP = new double[_m];
            _i = new double[_m];
            _j = new double[_m];
            _vwC = new double[_m];
            _gC = new double[_m * _m];
            _rs = new double[_m];
            _v0Pred = new double[_m];
            _as = new double[_m];
            _anderson = new Anderson(_m, AndersonDepth);
            _options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        }

        public double[] Loss { get; private set; } = [];

        public double[] Norm { get; private set; } = [];

        /// <summary>Largest relative defect |R(state(R*)) - R*| / |R| left by a coarse step's corrector.</summary>
        public double Residual { get; private set; }

        /// <summary>Coarse steps split in halves because their corrector did not converge.</summary>
        public int Splits { get; private set; }

        /// <summary>Solves to <paramref name="steps"/>; returns the number of time points solved for.</summary>
        public long Run(long[] recorded, long steps, long uniform, int gridPointsPerDecade, CancellationToken cancellationToken, DmftProgress? progress)
        {
            Loss = new double[recorded.Length];
            Norm = new double[recorded.Length];
            int next = 0;
            long points = 0;

            // Exact SGD steps (eq. 43-44 in the rank-structured form), t = 0 .. uniform.
            for (long t = 0; ; t++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Reached(t);
                ErrorAndNorm(_vw, _g, _v0, out _cw);
                CheckStability(t);
                points++;
                if (next < recorded.Length && recorded[next] == t)
                {
                    Record(next++);
                }

                if (t == uniform)
                {
                    break;
                }

                Gemv(_g, Scaled(_wl2, _v0, _y), _f);
                for (int k = 0; k < _m; k++)
                {
                    _x[k] = _vw[k];
                    _vw[k] += _eta * (_lambda[k] * _v0[k] + _gamma * _f[k]);
                }

                Rank1(_g, _eta, _x, _v0);
            }

            // Gradient flow on the geometric grid from t = uniform.
            double growth = Math.Pow(10.0, 1.0 / gridPointsPerDecade) - 1.0;
            long now = uniform;
            while (now < steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Reached(now);
                long target = Math.Max(now + 1, (long)Math.Floor(now * (1.0 + growth)));
                target = Math.Min(target, steps);
                if (next < recorded.Length)
                {
                    target = Math.Min(target, recorded[next]);
                }

                Advance(_eta * (target - now), 0);
                ErrorAndNorm(_vw, _g, _v0, out _cw);
                now = target;
                CheckStability(now);
                points++;
                if (next < recorded.Length && recorded[next] == now)
                {
                    Record(next++);
                }
            }

            progress?.Reached(now);
            return points + Splits;
        }

        /// <summary>First solved step with eta lambda_max (1 + gamma C_w) &gt;= 2, or null.</summary>
        public long? StabilityLimit { get; private set; }

        private void CheckStability(long t)
        {
            if (StabilityLimit is null && _eta * _lambdaMax * (1.0 + _gamma * _cw) >= 2.0)
            {
                StabilityLimit = t;
            }
        }

        private void Record(int index)
        {
            double sum = 0.0;
            for (int k = 0; k < _m; k++)
            {
                sum += _weight[k] * _lambda[k] * _v0[k] * _v0[k];
            }

            Loss[index] = sum;
            Norm[index] = _cw;
        }

        /// <summary>v0 = wStar - vw - gamma lambda (G^T (w vw)) and C_w = sum_j w_j vw_j^2.</summary>
        private void ErrorAndNorm(double[] vw, double[] g, double[] v0, out double cw)
        {
            cw = 0.0;
            for (int k = 0; k < _m; k++)
            {
                _x[k] = _weight[k] * vw[k];
                cw += _x[k] * vw[k];
            }

            GemvTransposed(g, _x, v0);
            for (int k = 0; k < _m; k++)
            {
                v0[k] = _wStar[k] - vw[k] - _gamma * _lambda[k] * v0[k];
            }
        }

        /// <summary>
        /// At (vw, G): v0, C_w, F = G (w lambda^2 v0), the self-decay a = mu + gamma lambda C_w and the coupling
        /// R = F + lambda G^T (w dvw/dtau), dvw/dtau = mu v0 + gamma F.
        /// </summary>
        private void Evaluate(double[] vw, double[] g, double[] v0, double[] f, double[] r, double[] a)
        {
            ErrorAndNorm(vw, g, v0, out double cw);
            Gemv(g, Scaled(_wl2, v0, _y), f);
            for (int k = 0; k < _m; k++)
            {
                _x[k] = _weight[k] * (_mu[k] * v0[k] + _gamma * f[k]);
            }

            GemvTransposed(g, _x, r);
            for (int k = 0; k < _m; k++)
            {
                r[k] = f[k] + _lambda[k] * r[k];
                a[k] = _mu[k] + _gamma * _lambda[k] * cw;
            }
        }

        /// <summary>Advances by h in tau, in halves when a step is rejected (at most <see cref="MaxSplits"/> deep).</summary>
        private void Advance(double h, int depth)
        {
            if (TryStep(h, depth == MaxSplits))
            {
                return;
            }

            Splits++;
            Advance(0.5 * h, depth + 1);
            Advance(0.5 * h, depth + 1);
        }

        /// <summary>
        /// One step of length h in tau from the current (vw, G): predictor with R frozen at the start, then the
        /// corrector with R = R* at the end, R* = R(state(R*)) by Anderson iteration. Commits the end state and
        /// returns true, or returns false (state untouched) when the step should be split and
        /// <paramref name="accept"/> is false.
        /// </summary>
        private bool TryStep(double h, bool accept)
        {
            Evaluate(_vw, _g, _v0, _f, _r, _a);

            // Predictor: R frozen over the step.
            for (int k = 0; k < _m; k++)
            {
                StepFunctions(_a[k] * h, out _, out double phi1, out double phi2, out _, out _, out _, out _);
                _i[k] = h * (_v0[k] * phi1 - _gamma * _r[k] * h * phi2);
            }

            Gemv(_g, Scaled(_wl2, _i, _y), _fP);
            for (int k = 0; k < _m; k++)
            {
                _vwP[k] = _vw[k] + _mu[k] * _i[k] + _gamma * _fP[k];
            }

            _g.AsSpan().CopyTo(_gP);
            Rank1(_gP, 1.0, _vw, _i);
            Evaluate(_vwP, _gP, _v0P, _fP, _rP, _aP);

            // Corrector, iterated on R*: guess = R at the predicted end.
            _v0P.AsSpan().CopyTo(_v0Pred);
            _rP.AsSpan().CopyTo(_rs);
            _aP.AsSpan().CopyTo(_as);
            _anderson.Reset();
            double defect = double.PositiveInfinity;
            for (int iteration = 0; iteration < MaxIterations; iteration++)
            {
                Correct(h, _rs, _as, _vwP, _vwC, _gC);
                Evaluate(_vwC, _gC, _v0P, _fP, _rP, _aP);
                double scale = 0.0, worst = 0.0;
                for (int k = 0; k < _m; k++)
                {
                    scale = Math.Max(scale, Math.Abs(_rP[k]));
                    worst = Math.Max(worst, Math.Abs(_rP[k] - _rs[k]));
                }

                defect = scale > 0.0 ? worst / scale : worst;
                _vwC.AsSpan().CopyTo(_vwP);
                _aP.AsSpan().CopyTo(_as);
                if (defect <= Tolerance)
                {
                    break;
                }

                _anderson.Next(_rs, _rP);
            }

            // Predictor and corrector differ by the first-order error of the step (R frozen at the start
            // against R* at the end); a gross difference flags a step beyond the scheme's reach, a wrong
            // root of the corrector or an unconverged one: split it.
            double difference = 0.0, size = 0.0;
            for (int k = 0; k < _m; k++)
            {
                double d = _v0P[k] - _v0Pred[k];
                difference += _weight[k] * _lambda[k] * d * d;
                size += _weight[k] * _lambda[k] * _v0P[k] * _v0P[k];
            }

            if ((defect > Unconverged || difference > StepTolerance * StepTolerance * size) && !accept)
            {
                return false;
            }

            Residual = Math.Max(Residual, defect);
            (_vw, _vwC) = (_vwC, _vw);
            (_g, _gC) = (_gC, _g);
            return true;
        }

        /// <summary>
        /// The corrector from the current (vw, G) with R = <paramref name="rEnd"/> over the step, a averaged with
        /// <paramref name="aEnd"/> and vw linear to <paramref name="vwEnd"/>: writes the end state.
        /// </summary>
        private void Correct(double h, double[] rEnd, double[] aEnd, double[] vwEnd, double[] vwOut, double[] gOut)
        {
            for (int k = 0; k < _m; k++)
            {
                double a = 0.5 * (_a[k] + aEnd[k]);
                double b = -_gamma * rEnd[k];
                StepFunctions(a * h, out _, out double phi1, out double phi2, out _, out double e1, out double k1, out _);
                _i[k] = h * (_v0[k] * phi1 + h * b * phi2);
                _j[k] = h * h * (_v0[k] * e1 + h * b * k1);
            }

            // int F_k = sum_j w_j lambda_j^2 int G_kj v0_j = (G (w lambda^2 I))_k + vw_k(mid) sum_j w_j lambda_j^2 I_j^2 / 2.
            Gemv(_g, Scaled(_wl2, _i, _y), _f);
            double selfTerm = 0.0;
            for (int k = 0; k < _m; k++)
            {
                selfTerm += _wl2[k] * _i[k] * _i[k];
            }

            selfTerm *= 0.5;
            for (int k = 0; k < _m; k++)
            {
                double slope = (vwEnd[k] - _vw[k]) / h;
                _x[k] = slope;
                vwOut[k] = _vw[k] + _mu[k] * _i[k] + _gamma * (_f[k] + (_vw[k] + 0.5 * h * slope) * selfTerm);
            }

            // dG_jk = int vw_j v0_k = vw_j(start) I_k + slope_j J_k.
            _g.AsSpan().CopyTo(gOut);
            Rank1(gOut, 1.0, _vw, _i);
            Rank1(gOut, 1.0, _x, _j);
        }

        private static double[] Scaled(double[] s, double[] v, double[] target)
        {
            for (int k = 0; k < v.Length; k++)
            {
                target[k] = s[k] * v[k];
            }

            return target;
        }

        /// <summary>y = G x (row dots), rows in parallel when large; each y_k has one fixed order.</summary>
        private void Gemv(double[] g, double[] x, double[] y)
        {
            int m = _m;
            if (m < ParallelModes || _options.MaxDegreeOfParallelism == 1)
            {
                DeterministicBlas.Gemv(g, m, m, x, y);
                return;
            }

            Parallel.For(0, (m + Block - 1) / Block, _options, b =>
            {
                int end = Math.Min(m, (b + 1) * Block);
                for (int k = b * Block; k < end; k++)
                {
                    y[k] = DeterministicBlas.Dot(g.AsSpan(k * m, m), x);
                }
            });
        }

        /// <summary>y = G^T x, rows accumulated in order per element (element-wise, so blocks do not change bits).</summary>
        private void GemvTransposed(double[] g, double[] x, double[] y)
        {
            int m = _m;
            if (m < ParallelModes || _options.MaxDegreeOfParallelism == 1)
            {
                ColumnBlock(g, x, y, 0, m);
                return;
            }

            Parallel.For(0, (m + Block - 1) / Block, _options, b => ColumnBlock(g, x, y, b * Block, Math.Min(Block, m - b * Block)));
        }

        private void ColumnBlock(double[] g, double[] x, double[] y, int start, int size)
        {
            Span<double> target = y.AsSpan(start, size);
            target.Clear();
            for (int j = 0; j < _m; j++)
            {
                DeterministicBlas.Axpy(x[j], g.AsSpan(j * _m + start, size), target);
            }
        }

        /// <summary>G += s u v^T.</summary>
        private void Rank1(double[] g, double s, double[] u, double[] v)
        {
            int m = _m;
            if (m < ParallelModes || _options.MaxDegreeOfParallelism == 1)
            {
                for (int j = 0; j < m; j++)
                {
                    DeterministicBlas.Axpy(s * u[j], v, g.AsSpan(j * m, m));
                }

                return;
            }

            Parallel.For(0, (m + Block - 1) / Block, _options, b =>
            {
                int end = Math.Min(m, (b + 1) * Block);
                for (int j = b * Block; j < end; j++)
                {
                    DeterministicBlas.Axpy(s * u[j], v, g.AsSpan(j * m, m));
                }
            });
        }
    }
}

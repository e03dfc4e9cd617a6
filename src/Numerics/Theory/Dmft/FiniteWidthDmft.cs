using System.Globalization;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The DMFT of online SGD at finite width N and batch B (Appendix C, eq. 26-31), in the closed
/// time x time matrix form, all matrices lower-triangular or symmetric over t, s = 0..T:
/// <code>
/// H^w   = [I - eta gamma Theta C_3]^-1 Theta,  Theta(t,s) = eta 1(s &lt; t)           (eq. 27)
/// C_w   = H^w C_3 H^w^T                                                             (eq. 30)
/// G     = H^w + eta gamma C_w (strictly lower part),  X = G R_3
/// H^0_k = [I + lambda_k X]^-1                                                       (eq. 28)
/// v0_k  = H^0_k [wStar_k 1 - G (u^4_k + R_3 u^2_k)],  u^4_k ~ GP(0, C_3 / N),  u^2_k white, var sigma_k^2
/// R_3   = I - (1/N) sum_k lambda_k H^0_k G R_3                                      (eq. 29)
/// C_0   = sum_k lambda_k H^0_k [wStar_k^2 1 1^T + G C_3 G^T / N + X diag(sigma_k^2) X^T] H^0_k^T   (eq. 31)
/// C_2   = sum_k H^0_k [lambda_k^2 (wStar_k^2 1 1^T + G C_3 G^T / N) + diag(sigma_k^2)] H^0_k^T      (eq. 31)
/// C_3   = R_3 C_2 R_3^T                                                             (eq. 31)
/// sigma_k^2(t) = (lambda_k C_0(t,t) + lambda_k^2 &lt;v0_k(t)^2&gt;) / B    (eq. 21; the second term is optional)
/// L(t)  = C_0(t, t)
/// </code>
/// Differences from the printed equations, each checked against the simulation: the second term of C_2
/// carries lambda_k^2 (g_k = lambda_k v0_k + u^2_k; the printed eq. 31 drops it, which breaks the N, B -&gt; infinity
/// limit C_2 = sum_k lambda_k^2 &lt;v0_k v0_k&gt;), and the diag(sigma^2) term of C_2 is written in the equivalent
/// form H^0 E + E H^0^T - E + lambda^2 H^0 X E X^T H^0^T.
/// <para>
/// <b>The Wishart self-term (added; <see cref="DmftOptions.SelfTerm"/>).</b> Every mode k sees the features only
/// through v4_k = (W v2)_k, W = A(0)^T A(0) / N, and with a_k = A(0) e_k,
/// v4_k = n_k v2_k + (1/N) sum_{k' != k} (a_k . a_k') v2_k',  n_k = |a_k|^2 / N ~ chi-square(N) / N.
/// Eq. 26-31 replace the whole of this by R_3 v2_k + u4_k, u4_k ~ GP(0, C_3 / N): the mode's own column enters
/// only at its mean n_k = 1, and its own term is counted a second time inside C_3 and inside R_24. That is
/// E[W Lambda W]_kk = lambda_k + Tr(Lambda)/N instead of the exact lambda_k (1 + 1/N) + Tr(Lambda)/N: the
/// self-term lambda_k / N is missing, which at N = 16 is worth ~8 % of the lazy loss (more when rich).
/// The cavity for mode k, given a_k, gives instead (to O(1/N), the rest of the system being isotropic in R^N):
/// <code>
/// v4_k = n_k R_3^(k) v2_k + sqrt(n_k) u4_k,   u4_k ~ GP(0, [C_3 - R_3 C_2^self_k R_3^T] / N)
/// R_3^(k) = [I - (R_24 - chi_k) / N]^-1,      chi_k = -lambda_k E_n[n H^0_k] G   (its own response out)
/// </code>
/// so each mode is solved at Gauss nodes n_q of chi-square(N)/N (<see cref="ColumnNormQuadrature"/>) with
/// H^0 = [I + n lambda X_k]^-1, X_k = G R_3^(k), drive wStar 1 - sqrt(n) G u4 - n X_k u2, and averaged with the
/// node weights. Sums that come from the N-space (C_2, hence C_3, and R_24) weight node q by n_q, because
/// |v3|^2 / N = sum_k n_k v2_k^2 + cross terms; the loss C_0 does not. At t = 1 this is the exact Wishart
/// average (tested to 1e-12), at N = infinity it is eq. 26-31. What it leaves out is O(1/N^2) at fixed t but
/// grows once many modes are learned (the random pair overlaps (a_k . a_k')^2 / N^2 of learned modes): at
/// N = 16 the DMFT falls below the simulation late (about -5 % lazy easy at t = 100), at N = 64 under 1 %.
/// </para>
/// <para>
/// <b>Step-size stability.</b> A node n of mode k is a linear recursion whose own rate is about
/// eta n lambda_k (1 + gamma |w|^2/N); past 2 it grows without bound (at N = 16, eta = 0.5 the largest of the 8
/// nodes, n = 4.28 with weight 1.5e-7, has eta n lambda_1 = 2.14 and took the lazy loss to 1e32 by t = 300). Such
/// a node stands for rare seeds whose column a_k is that long; they spike or diverge, and a seed mean does not
/// contain them (the simulation's 64 seeds never draw one). So a node whose resolvent passes
/// <see cref="UnstableResolvent"/> is left out, the mode's other nodes are reweighted (the law of n given a stable
/// column), and the solve starts again (the equations are causal, so its earlier rows must go too): the curve is
/// the mean over stable seeds, and says so in <see cref="DmftCurve.Solver"/>. Once the nodes left out carry more
/// than <see cref="MaxUnstableShare"/> of the seeds' weight the solver refuses, naming eta: those seeds sit at
/// SGD's edge of stability, where real seeds spike and recover through a feedback on their own weights that this
/// closure, linear in each mode given the mean fields, does not have.
/// </para>
/// <para>
/// Every map in the fixed point is strictly causal (row t of each matrix needs only rows &lt; t of the
/// others, or row t of one computed before it), so the fixed point is reached exactly by one forward
/// sweep over t, computing row t of H^w, C_w, G, X, H^0_k, C_0, C_2, R_3, C_3 in that order: the Picard
/// iteration of the paper would need T sweeps to reach the same numbers. Cost O(modes nodes T^3) time and
/// O(modes nodes T^2) memory (two packed triangles per mode and node, plus X_k and C_2^self per mode), parallel
/// over modes with a fixed reduction order.
/// </para>
/// </summary>
public static class FiniteWidthDmft
{
    private const int Block = 256;

    /// <summary>Bytes the solver holds for <paramref name="modes"/> modes, T steps and <paramref name="nodes"/> column-norm nodes per mode.</summary>
    public static long EstimatedBytes(int modes, long steps, int nodes = 1)
    {
        long t1 = steps + 1;
        long self = nodes > 1 ? (long)modes * (t1 * t1 + t1 * (t1 + 1) / 2 + 2 * t1) : 0;
        return 8 * (6 * t1 * t1 + (long)modes * nodes * (t1 * (t1 + 1) + 4 * t1) + self);
    }

    /// <summary>Largest memory the solver will allocate.</summary>
    public const long MaxBytes = 8L << 30;

    /// <summary>The loss curve of eq. 26-31 for the given modes, recorded on <see cref="LogGrid.Steps"/>.</summary>
    /// <param name="n">Width N &gt;= 1 or +infinity.</param>
    /// <param name="batch">Batch size B &gt;= 1 or +infinity.</param>
    /// <param name="cancellationToken">Checked once per time step; a cancelled solve throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Told the time reached at each time step, for progress displays; null: nobody asks.</param>
    public static DmftCurve Solve(
        ModeSet modes, double gamma, double eta, double n, double batch, long steps, DmftOptions? options = null,
        CancellationToken cancellationToken = default, DmftProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(modes);
        options ??= DmftOptions.Default;
        TheoryArguments.Gamma(gamma);
        TheoryArguments.FiniteAbove(eta, 0.0, nameof(eta), "learning rate");
        TheoryArguments.SizeOrInfinity(n, "N");
        TheoryArguments.SizeOrInfinity(batch, "B");
        int nodes = options.ColumnNormNodesFor(n);
        if (steps < 0 || EstimatedBytes(modes.Count, steps, nodes) > MaxBytes)
        {
            throw TheoryArguments.OutOfRange(
                steps, nameof(steps), $"an integer >= 0 whose solve fits in {MaxBytes >> 30} GiB with {modes.Count} modes x {nodes} column-norm nodes (it needs {EstimatedBytes(modes.Count, Math.Max(steps, 0), nodes) >> 20} MiB)");
        }

        (double[] norms, double[] normWeights) = ColumnNormQuadrature.Rule(n, nodes);
        var excluded = new bool[modes.Count * norms.Length];
        int reached = -1;
        while (true)
        {
            var solver = new Solver(modes, gamma, eta, n, batch, (int)steps, options, norms, normWeights, excluded);
            long[] recorded = LogGrid.Steps(steps, options.PointsPerDecade);
            var loss = new double[recorded.Length];
            var norm = new double[recorded.Length];
            int next = 0;
            int unstable = -1;
            for (int t = 0; t <= steps; t++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (t > reached)
                {
                    // A restart solves the first steps again; the display holds until it is past them.
                    reached = t;
                    progress?.Reached(t);
                }

                solver.Step(t);
                if (solver.MarkUnstable(t, excluded) > 0)
                {
                    unstable = t;
                    break;
                }

                if (recorded[next] == t)
                {
                    loss[next] = solver.Loss(t);
                    norm[next] = solver.WeightNorm(t);
                    next++;
                }
            }

            double share = UnstableColumnNorms.Share(modes, normWeights, excluded);
            if (unstable >= 0)
            {
                // Solved again without the unstable nodes: every equation is causal, so their (tiny-weight)
                // history must leave the earlier rows too, and a node's blow-up must never reach the mean.
                if (share > MaxUnstableShare)
                {
                    throw UnstableColumnNorms.Refusal(modes, norms, excluded, eta, gamma, unstable, share);
                }

                continue;
            }

            string solverText = options.SelfTerm && n < double.PositiveInfinity ? $"dmft-finite (eq. 26-31 + self-term, {nodes} column-norm nodes)" : "dmft-finite (eq. 26-31)";
            int left = UnstableColumnNorms.Count(excluded);
            if (left > 0)
            {
                solverText += string.Create(
                    CultureInfo.InvariantCulture,
                    $"; {left} column-norm node(s) past SGD's step-size limit left out (weight {share:G2}): the mean over stable seeds");
            }

            return new DmftCurve(recorded, loss, norm, modes.Count, modes.IsExact, steps + 1, 1, 0.0, solverText);
        }
    }

    /// <summary>
    /// A column-norm node counts as past SGD's step-size limit once its resolvent max_s |H^0(t, s)| passes this:
    /// a stable recursion keeps it near 1 (at most 1.8 measured: rich, eta up to 0.2, gamma up to 4), an unstable
    /// one grows it geometrically (|1 - eta n lambda|^t when lazy). Low, so that a slowly growing node is caught
    /// before its K ~ peak^2 can weigh in the mean.
    /// </summary>
    public const double UnstableResolvent = 10.0;

    /// <summary>
    /// Most probability weight of column norms past the step-size limit the solver leaves out (the expected
    /// number of such columns per seed, about the share of seeds that would diverge); beyond it, it refuses.
    /// </summary>
    public const double MaxUnstableShare = 0.02;

    private sealed class Solver
    {
        private readonly int _stride;
        private readonly double _eta, _gamma, _inverseN, _inverseB;
        private readonly bool _rankOne;
        private readonly double[] _weight;
        private readonly ModeHistory[] _modes;
        private readonly int[] _parent;
        private readonly int _modeCount;
        private readonly bool _self;
        private readonly double[] _nodeWeights;
        private readonly bool[] _excluded;
        private readonly int _nodesPerMode;
        private readonly double[][] _selfC2, _selfRow, _selfScratch, _xk;
        private readonly double[] _hw, _g, _x, _r3, _c3, _c2;
        private readonly double[] _q, _pRow, _gc3, _y, _hsum, _r24, _c0Diag, _cwDiag;
        private readonly ParallelOptions _parallel;
        private readonly double[][] _scratch;

        /// <param name="excluded">Per mode k and node j (index k nodes + j): left out as past SGD's step-size limit;
        /// the mode's other nodes are reweighted to sum to 1 (the law of n given a stable column).</param>
        public Solver(
            ModeSet modes, double gamma, double eta, double n, double batch, int steps, DmftOptions options,
            double[] norms, double[] normWeights, bool[] excluded)
        {
            int t1 = steps + 1;
            _stride = t1;
            _eta = eta;
            _gamma = gamma;
            _inverseN = 1.0 / n;
            _inverseB = 1.0 / batch;
            _rankOne = options.RankOneBatchNoise;
            _self = options.SelfTerm && n < double.PositiveInfinity;
            int q = norms.Length;
            _modeCount = modes.Count;
            _excluded = excluded;
            _nodesPerMode = q;
            _nodeWeights = new double[modes.Count * q];
            _weight = new double[modes.Count * q];
            _modes = new ModeHistory[modes.Count * q];
            _parent = new int[modes.Count * q];
            for (int k = 0; k < modes.Count; k++)
            {
                double kept = 0.0;
                bool any = false;
                for (int j = 0; j < q; j++)
                {
                    kept += excluded[k * q + j] ? 0.0 : normWeights[j];
                    any |= excluded[k * q + j];
                }

                for (int j = 0; j < q; j++)
                {
                    int i = k * q + j;
                    _modes[i] = new ModeHistory(modes.Lambda[k], modes.WStar[k], norms[j], t1);

                    // Untouched modes keep the rule's weights bit for bit.
                    _nodeWeights[i] = excluded[i] ? 0.0 : any ? normWeights[j] / kept : normWeights[j];
                    _weight[i] = modes.Weight[k] * _nodeWeights[i];
                    _parent[i] = k;
                }
            }

            long packed = (long)t1 * (t1 + 1) / 2;
            _selfC2 = new double[modes.Count][];
            _selfRow = new double[modes.Count][];
            _selfScratch = new double[modes.Count][];
            _xk = new double[modes.Count][];
            for (int k = 0; k < modes.Count; k++)
            {
                _selfRow[k] = new double[t1];
                if (_self)
                {
                    _selfC2[k] = new double[packed];
                    _selfScratch[k] = new double[t1];
                    _xk[k] = new double[(long)t1 * t1];
                }
            }

            long square = (long)t1 * t1;
            _hw = new double[square];
            _g = new double[square];
            _x = new double[square];
            _r3 = new double[square];
            _c3 = new double[square];
            _c2 = new double[square];
            _q = new double[t1];
            _pRow = new double[t1];
            _gc3 = new double[t1];
            _y = new double[t1];
            _hsum = new double[t1];
            _r24 = new double[t1];
            _c0Diag = new double[t1];
            _cwDiag = new double[t1];
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism };
            _scratch = new double[_modes.Length][];
            for (int k = 0; k < _modes.Length; k++)
            {
                _scratch[k] = new double[3 * t1];
            }
        }

        public double Loss(int t) => _c0Diag[t];

        /// <summary>Flags the nodes whose resolvent passed <see cref="UnstableResolvent"/> at t; returns how many.</summary>
        public int MarkUnstable(int t, bool[] excluded)
        {
            int found = 0;
            for (int i = 0; i < _modes.Length; i++)
            {
                if (!_excluded[i] && !(_modes[i].ResolventPeak(t) <= UnstableResolvent))
                {
                    excluded[i] = true;
                    found++;
                }
            }

            return found;
        }

        public double WeightNorm(int t) => _cwDiag[t];

        private Span<double> Row(double[] matrix, int t, int length) => matrix.AsSpan(t * _stride, length);

        public void Step(int t)
        {
            int s1 = _stride;

            // H^w row t (eq. 27): w(t) = w(t-1) + eta v3(t-1) + eta^2 gamma sum_{s<t-1} C_3(t-1,s) w(s).
            Span<double> hwRow = Row(_hw, t, t);
            if (t >= 1)
            {
                Row(_hw, t - 1, t - 1).CopyTo(hwRow);
                hwRow[t - 1] = _eta;
                double scale = _eta * _eta * _gamma;
                if (scale != 0.0)
                {
                    for (int s = 0; s < t - 1; s++)
                    {
                        double a = scale * _c3[(t - 1) * s1 + s];
                        if (a != 0.0)
                        {
                            DeterministicBlas.Axpy(a, Row(_hw, s, s), hwRow[..s]);
                        }
                    }
                }
            }

            // C_w row t (eq. 30) = H^w C_3 H^w^T: q = H^w(t,.) C_3, C_w(t,s) = q . H^w(s,.), s = 0..t.
            Span<double> q = _q.AsSpan(0, t);
            q.Clear();
            for (int r = 0; r < t; r++)
            {
                if (hwRow[r] != 0.0)
                {
                    DeterministicBlas.Axpy(hwRow[r], Row(_c3, r, t), q);
                }
            }

            Span<double> gRow = Row(_g, t, t);
            double memory = _eta * _gamma;
            for (int s = 0; s < t; s++)
            {
                double cw = DeterministicBlas.Dot(q[..s], Row(_hw, s, s));
                gRow[s] = hwRow[s] + memory * cw;
            }

            _cwDiag[t] = DeterministicBlas.Dot(q, hwRow);

            // X row t = G(t,.) R_3.
            Span<double> xRow = Row(_x, t, t);
            xRow.Clear();
            for (int r = 0; r < t; r++)
            {
                if (gRow[r] != 0.0)
                {
                    DeterministicBlas.Axpy(gRow[r], Row(_r3, r, r + 1), xRow[..(r + 1)]);
                }
            }

            // Y row t = G C_3 G^T / N, s = 0..t.
            Span<double> y = _y.AsSpan(0, t + 1);
            y.Clear();
            if (_inverseN != 0.0)
            {
                Span<double> gc3 = _gc3.AsSpan(0, t);
                gc3.Clear();
                for (int r = 0; r < t; r++)
                {
                    if (gRow[r] != 0.0)
                    {
                        DeterministicBlas.Axpy(gRow[r], Row(_c3, r, t), gc3);
                    }
                }

                for (int s = 0; s <= t; s++)
                {
                    y[s] = _inverseN * DeterministicBlas.Dot(gc3[..s], Row(_g, s, s));
                }
            }

            // Each mode's own share of Y, X C_2^self X^T / N (its cross-noise excludes itself).
            int count = _modes.Length;
            double[] xMatrix = _x;
            if (_self)
            {
                void Self(int k)
                {
                    XkRow(t, k);
                    SelfRow(t, k);
                }

                if ((long)_modeCount * t * t < 1 << 16)
                {
                    for (int k = 0; k < _modeCount; k++)
                    {
                        Self(k);
                    }
                }
                else
                {
                    Parallel.For(0, _modeCount, _parallel, Self);
                }
            }

            // Rows t of H^0_k and K_k, node by node (independent, so in parallel).
            double[] yRow = _y;
            void AdvanceMode(int k)
            {
                if (_excluded[k])
                {
                    // Left out: its rows stay 0 (weight 0), so its blow-up cannot reach the sums as 0 x infinity.
                    return;
                }

                int parent = _parent[k];
                _modes[k].Advance(t, _xk[parent] ?? xMatrix, s1, yRow.AsSpan(0, t + 1), _selfRow[parent].AsSpan(0, t + 1), _scratch[k]);
            }

            if ((long)count * t * t < 1 << 16)
            {
                for (int k = 0; k < count; k++)
                {
                    AdvanceMode(k);
                }
            }
            else
            {
                Parallel.For(0, count, _parallel, AdvanceMode);
            }

            // C_0(t,t) = loss; then the batch-noise variances sigma_k^2(t).
            double c0 = 0.0;
            double noiseSum = 0.0;
            for (int k = 0; k < count; k++)
            {
                c0 += _weight[k] * _modes[k].Lambda * _modes[k].Diagonal(t);
            }

            _c0Diag[t] = c0;
            for (int k = 0; k < count; k++)
            {
                ModeHistory mode = _modes[k];
                double sigma2 = _inverseB * (mode.Lambda * c0 + (_rankOne ? mode.Lambda * mode.Lambda * mode.Diagonal(t) : 0.0));
                mode.SetSigma2(t, sigma2);
                noiseSum += _weight[k] * mode.ColumnNorm * sigma2;
            }

            if (_self)
            {
                for (int k = 0; k < _modeCount; k++)
                {
                    SelfC2Row(t, k);
                }
            }

            // C_2 row t: sum_k w_k [lambda_k^2 K_k(t,s) + H^0_k(t,s) sigma_k^2(s)], s < t; diagonal adds sigma^2(t).
            // Hsum row t = sum_k w_k lambda_k H^0_k(t,.).
            Span<double> c2Row = Row(_c2, t, t + 1);
            Span<double> hsum = _hsum.AsSpan(0, t + 1);
            ReduceRows(t, c2Row, hsum);
            c2Row[t] += noiseSum;
            for (int s = 0; s < t; s++)
            {
                _c2[s * s1 + t] = c2Row[s];
            }

            // R_3 row t (eq. 29): R_24(t,s) = -sum_r Hsum(t,r) G(r,s), R_3(t,.) = e_t + (1/N) sum_{s<t} R_24(t,s) R_3(s,.).
            Span<double> r3Row = Row(_r3, t, t + 1);
            r3Row.Clear();
            r3Row[t] = 1.0;
            if (_inverseN != 0.0)
            {
                Span<double> r24 = _r24.AsSpan(0, t);
                r24.Clear();
                for (int r = 1; r <= t; r++)
                {
                    if (hsum[r] != 0.0)
                    {
                        DeterministicBlas.Axpy(-hsum[r], Row(_g, r, r), r24[..r]);
                    }
                }

                for (int s = 0; s < t; s++)
                {
                    if (r24[s] != 0.0)
                    {
                        DeterministicBlas.Axpy(_inverseN * r24[s], Row(_r3, s, s + 1), r3Row[..(s + 1)]);
                    }
                }
            }

            // C_3 row t (eq. 31) = R_3 C_2 R_3^T through P = R_3 C_2: row t of P, P(t, b) for b &lt;= t.
            Span<double> c3Row = Row(_c3, t, t + 1);
            if (_inverseN == 0.0)
            {
                c2Row.CopyTo(c3Row);
            }
            else
            {
                Span<double> pRow = _pRow.AsSpan(0, t + 1);
                pRow.Clear();
                for (int a = 0; a <= t; a++)
                {
                    if (r3Row[a] != 0.0)
                    {
                        DeterministicBlas.Axpy(r3Row[a], Row(_c2, a, t + 1), pRow);
                    }
                }

                for (int s = 0; s <= t; s++)
                {
                    c3Row[s] = DeterministicBlas.Dot(pRow[..(s + 1)], Row(_r3, s, s + 1));
                }
            }

            for (int s = 0; s < t; s++)
            {
                _c3[s * s1 + t] = c3Row[s];
            }
        }

        /// <summary>
        /// Row t of mode k's own contribution to C_2 (the n-weighted node average), C_2^self(t, s) for s &lt;= t:
        /// sum_q omega_q n_q [lambda^2 K_q(t, s) + H^0_q(t, s) sigma_q^2(s)] (s &lt; t), plus sigma^2 on the diagonal.
        /// </summary>
        private void SelfC2Row(int t, int k)
        {
            int q = _nodesPerMode;
            Span<double> row = _selfC2[k].AsSpan(ModeHistory.Offset(t), t + 1);
            row.Clear();
            for (int j = 0; j < q; j++)
            {
                ModeHistory mode = _modes[k * q + j];
                double w = _nodeWeights[k * q + j] * mode.ColumnNorm;
                ReadOnlySpan<double> kRow = mode.KRow(t);
                ReadOnlySpan<double> h0Row = mode.H0Row(t);
                double l2 = w * mode.Lambda * mode.Lambda;
                for (int s = 0; s < t; s++)
                {
                    row[s] += l2 * kRow[s] + w * h0Row[s] * mode.Sigma2(s);
                }

                row[t] += l2 * kRow[t] + w * mode.Sigma2(t);
            }
        }

        /// <summary>selfRow_k(s) = (1/N) sum_{r, r' &lt; t} X(t, r) C_2^self_k(r, r') X(s, r'), s = 0..t.</summary>
        private void SelfRow(int t, int k)
        {
            double[] c2 = _selfC2[k];
            double[] x = _xk[k];
            Span<double> z = _selfScratch[k].AsSpan(0, t);
            Span<double> self = _selfRow[k].AsSpan(0, t + 1);
            ReadOnlySpan<double> xRow = x.AsSpan(t * _stride, t);

            // z(r') = sum_{r<t} X(t, r) C(r, r'): C(r, r') for r' <= r from row r, for r' > r from row r' (symmetry).
            z.Clear();
            for (int r = 0; r < t; r++)
            {
                if (xRow[r] != 0.0)
                {
                    DeterministicBlas.Axpy(xRow[r], c2.AsSpan(ModeHistory.Offset(r), r + 1), z[..(r + 1)]);
                }
            }

            for (int rp = 0; rp < t; rp++)
            {
                z[rp] += DeterministicBlas.Dot(xRow.Slice(0, rp), c2.AsSpan(ModeHistory.Offset(rp), rp));
            }

            for (int s = 0; s <= t; s++)
            {
                self[s] = _inverseN * DeterministicBlas.Dot(z[..s], x.AsSpan(s * _stride, s));
            }
        }

        /// <summary>
        /// Row t of X_k = G R_3^(k), where R_3^(k) = [I - (R_24 - chi_k) / N]^-1 is R_3 with mode k's own
        /// response chi_k = -lambda_k Hbar_k G taken out of R_24 (Hbar_k = sum_q omega_q n_q H^0_q): the
        /// feedback on mode k through the other modes. Since R_3 = [I - R_24 / N]^-1 this is exactly
        /// X_k = X + (lambda_k / N) X Hbar_k X_k, causal (X strictly lower), so row t needs rows &lt; t only.
        /// </summary>
        private void XkRow(int t, int k)
        {
            int q = _nodesPerMode;
            double[] xk = _xk[k];
            Span<double> z = _selfScratch[k].AsSpan(0, t);
            ReadOnlySpan<double> xRow = _x.AsSpan(t * _stride, t);
            Span<double> row = xk.AsSpan(t * _stride, t);
            xRow.CopyTo(row);

            // z(r') = sum_q omega_q n_q sum_{r<t} X(t, r) H^0_q(r, r'), r' &lt;= r.
            z.Clear();
            for (int j = 0; j < q; j++)
            {
                ModeHistory mode = _modes[k * q + j];
                double w = _nodeWeights[k * q + j] * mode.ColumnNorm;
                for (int r = 0; r < t; r++)
                {
                    double a = w * xRow[r];
                    if (a != 0.0)
                    {
                        DeterministicBlas.Axpy(a, mode.H0Row(r), z[..(r + 1)]);
                    }
                }
            }

            // X_k(t, s) += (lambda_k / N) sum_{r'} z(r') X_k(r', s), s &lt; r'.
            double scale = _modes[k * q].Lambda * _inverseN;
            for (int rp = 1; rp < t; rp++)
            {
                if (z[rp] != 0.0)
                {
                    DeterministicBlas.Axpy(scale * z[rp], xk.AsSpan(rp * _stride, rp), row[..rp]);
                }
            }
        }

        /// <summary>Mode sums of row t in blocks of s (each block sums modes in order, so threads do not matter).</summary>
        private void ReduceRows(int t, Span<double> c2Row, Span<double> hsum)
        {
            int length = t + 1;
            int blocks = (length + Block - 1) / Block;
            double[] c2 = _c2, h = _hsum;
            int offset = t * _stride;
            void Do(int b)
            {
                int start = b * Block;
                int size = Math.Min(Block, length - start);
                Span<double> c2Block = c2.AsSpan(offset + start, size);
                Span<double> hBlock = h.AsSpan(start, size);
                c2Block.Clear();
                hBlock.Clear();
                for (int k = 0; k < _modes.Length; k++)
                {
                    ModeHistory mode = _modes[k];
                    double w = _weight[k] * mode.ColumnNorm;
                    ReadOnlySpan<double> kRow = mode.KRow(t).Slice(start, size);
                    ReadOnlySpan<double> h0Row = mode.H0Row(t).Slice(start, size);
                    DeterministicBlas.Axpy(w * mode.Lambda * mode.Lambda, kRow, c2Block);
                    DeterministicBlas.Axpy(w * mode.Lambda, h0Row, hBlock);
                    for (int i = 0; i < size; i++)
                    {
                        int s = start + i;
                        if (s < t)
                        {
                            c2Block[i] += w * h0Row[i] * mode.Sigma2(s);
                        }
                    }
                }
            }

            if (blocks <= 1)
            {
                Do(0);
            }
            else
            {
                Parallel.For(0, blocks, _parallel, Do);
            }

            _ = c2Row;
            _ = hsum;
        }
    }
}

using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The DMFT of training on a finite set of P samples (Appendix D, eq. 41): gradient descent on the whole set
/// Psi in R^{P x M} (rows i.i.d. N(0, Lambda)), reused every step, at width N and richness gamma, with the test
/// loss C_0(t, t) = E v0^T Lambda v0 and the train loss E |Psi v0|^2 / P (C_1(t, t) in eq. 41's mean field).
/// <para>
/// <b>Time.</b> Eq. 41 is written for the gradient flow of eq. 32. It is solved here with its time integrals
/// as sums over steps of eta (int_0^t ds f(s) -&gt; eta sum_{s&lt;t} f(s), d/dt -&gt; forward difference), which is
/// exactly the DMFT of the discrete-time model the simulation runs (eq. 32 with step eta,
/// <see cref="Models.FiniteData.ProjectedFiniteData"/> with B = P): the curve is recorded at the same steps,
/// flow time t = eta x step, and the gradient flow is its eta -&gt; 0 limit (O(eta) apart at equal flow time).
/// </para>
/// <para>
/// <b>Equations.</b> Everything on the side of A(0) is the online solver's (<see cref="FiniteWidthDmft"/>,
/// eq. 26-31): H^w, C_w, G = H^w + eta gamma C_w, X = G R_3, Y = G C_3 G^T / N, R_3 = [I - R_24 / N]^-1,
/// C_3 = R_3 C_2 R_3^T. Only the average over the data changes: the batch was fresh each step (white noise of
/// variance ~ 1/B); the set is now the same every step, so its two fields are coupled across time (eq. 37-38):
/// <code>
/// v2_k = u2_k + lambda_k R_1 v0_k,    u2_k ~ GP(0, lambda_k C_1 / P)                 (eq. 37)
/// v1   = u1 + (1/P) R_02 v1,  so  R_1 = [I - R_02 / P]^-1,  C_1 = R_1 C_0 R_1^T        (eq. 38)
/// R_02 = sum_k lambda_k &lt;d v0_k / d u2_k&gt;,  C_0 = sum_k lambda_k &lt;v0_k v0_k^T&gt;
/// </code>
/// With v0_k = wStar_k 1 - G v4_k and v4_k = u4_k + R_3 v2_k (eq. 39) this closes per mode as
/// <code>
/// Q     = X R_1,   H^0_k = [I + lambda_k Q]^-1,   v0_k = H^0_k [wStar_k 1 - G u4_k - X u2_k]
/// K_k   = &lt;v0_k v0_k^T&gt; = H^0_k [wStar_k^2 1 1^T + Y + lambda_k Z] H^0_k^T,   Z = X C_1 X^T / P
/// R_02  = -Hs X,      R_24 = -R_1 Hs G,   Hs = sum_k lambda_k H^0_k
/// C_2   = R_1 Ks R_1^T - (1/P) (R_1 Hs2 X C_1 + its transpose) + (Tr Lambda / P) C_1,
///         Ks = sum_k lambda_k^2 K_k,  Hs2 = sum_k lambda_k^2 H^0_k
/// </code>
/// (C_2 = sum_k &lt;v2_k v2_k^T&gt; with &lt;v0_k u2_k^T&gt; = -H^0_k X lambda_k C_1 / P.) At P = infinity, R_1 = I and the
/// u2 noise vanishes: this is <see cref="FiniteWidthDmft"/> with B = infinity and the printed eq. 26-31
/// (<see cref="DmftOptions.SelfTerm"/> = false), to rounding. Differences from the printed eq. 41: its v2 line
/// integrates R_1(t,s) v0_k(s) (printed v0_k(t)), and its w line is the online one (the solver never needs w:
/// C_w = H^w C_3 H^w^T as in eq. 30).
/// </para>
/// <para>
/// <b>The data self-term (added; <see cref="DmftOptions.SelfTerm"/>, default on).</b> Eq. 41 is mean-field in
/// Psi: mode k feels the set only through R_1 and u2, so its own samples enter at their mean. Exactly,
/// v2_k = lambda_k m_k v0_k + (cross terms), m_k = |Psi e_k|^2 / (P lambda_k) ~ chi-square(P) / P, and the mode's
/// own share is counted again inside C_1 (noise) and R_02 (response): after one step the printed eq. 41 miss
/// E[S Lambda S] = Lambda^3 (1 + 1/P) + Lambda Tr(Lambda^2) / P (S = Psi^T Psi / P) by the Lambda^3 / P. This is the
/// data-side twin of the Wishart self-term of <see cref="FiniteWidthDmft"/> (A(0) -&gt; Psi, N -&gt; P, v2 -&gt; v0), and
/// is handled the same way: each mode is solved at Gauss nodes m_r of chi-square(P) / P with
/// <code>
/// v2_k = m lambda_k R_1^(k) v0_k + sqrt(m) u2_k,   u2_k ~ GP(0, lambda_k [C_1 - R_1 C_0^self_k R_1^T] / P)
/// R_1^(k) = [I - (R_02 - chi_k) / P]^-1,  chi_k = -lambda_k E_m[m H^0_k] X,  so  Q_k = X R_1^(k) = Q + (lambda_k / P) Q E_m[m H^0_k] Q_k
/// H^0 = [I + m lambda_k Q_k]^-1,   S = wStar_k^2 + Y + m lambda_k (Z - Q_k C_0^self_k Q_k^T / P),   C_0^self_k = lambda_k E_m[m K]
/// </code>
/// Sums over the P-space (C_0 feeding C_1, R_02, and C_2 through v2) weight a node by m; the test loss does not.
/// The train loss is then sum_k &lt;v0_k(t) v2_k(t)&gt; (= v0 . Psi^T Psi v0 / P), summed per mode with its own m and
/// R_1^(k): C_1(t, t) of the mean field would count the modes' own samples at their mean. After one step this is
/// the exact Gaussian average (tested to 1e-12). Left out: in C_2 (which acts only through C_3, i.e. at O(1/N) and
/// through gamma C_w) R_1^(k) is taken as R_1 and the mode's own samples are not taken out of the cross term; and, as
/// for the A(0) self-term, the anisotropy of the data response late in training (a mode's feedback
/// z_k^T R z_k / P fluctuates by tr(R^2) / P^2, the m average has only its isotropic part), which shows as a slow
/// drift at small P (docs/dmft.md). The A(0) side is eq. 26-31 as printed (no Wishart self-term for A(0) here).
/// </para>
/// <para>
/// Every map is strictly causal (v0(t) needs v2 before t; R_1, R_3 have unit diagonals), so one forward sweep
/// over t computes row t of H^w, C_w, G, X, Q, Y, Z, then per mode rows t of H^0_k and K_k, then C_0, R_02,
/// R_1, C_1, C_2, R_24, R_3 and C_3 (with the self-term, per mode Q_k and its noise row before the modes, its share of
/// C_0^P after): the exact fixed point, as in the online solver. Cost O(modes nodes T^3) time and
/// O(modes nodes T^2 + T^2) memory, parallel over modes with a fixed reduction order.
/// </para>
/// </summary>
public static class DataReuseDmft
{
    /// <summary>Largest memory the solver will allocate.</summary>
    public const long MaxBytes = FiniteWidthDmft.MaxBytes;

    /// <summary>T x T matrices the solver keeps.</summary>
    private const int Squares = 15;

    private const int Block = 256;

    /// <summary>
    /// Bytes the solver holds for <paramref name="modes"/> modes, T steps and <paramref name="nodes"/> data
    /// column-norm nodes per mode (with the self-term: a T x T matrix Q_k and a packed triangle per mode besides).
    /// </summary>
    public static long EstimatedBytes(int modes, long steps, int nodes = 1, bool selfTerm = false)
    {
        long t1 = steps + 1;
        long self = selfTerm ? (long)modes * ((t1 * t1) + (t1 * (t1 + 1) / 2) + (7 * t1)) : 0;
        return 8 * ((Squares * t1 * t1) + ((long)modes * nodes * ((t1 * (t1 + 1)) + (3 * t1))) + self + (16 * t1));
    }

    /// <summary>Whether the solver adds the data self-term for these options and P (not at P = infinity).</summary>
    public static bool UsesSelfTerm(DmftOptions options, double p)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SelfTerm && !double.IsPositiveInfinity(p);
    }

    /// <summary>The test and train loss curves of eq. 41 for the given modes, recorded on <see cref="LogGrid.Steps"/>.</summary>
    /// <param name="modes">Representative modes of the task.</param>
    /// <param name="gamma">Richness gamma &gt;= 0.</param>
    /// <param name="eta">Learning rate (time step) eta &gt; 0.</param>
    /// <param name="n">Width N &gt;= 1 or +infinity.</param>
    /// <param name="p">Training samples P &gt;= 1, or +infinity (then online training with B = infinity).</param>
    /// <param name="steps">Last step T.</param>
    /// <param name="options">Numerics; null takes <see cref="DmftOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked once per time step; a cancelled solve throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Told the time reached at each time step, for progress displays; null: nobody asks.</param>
    public static DmftCurve Solve(
        ModeSet modes, double gamma, double eta, double n, double p, long steps, DmftOptions? options = null,
        CancellationToken cancellationToken = default, DmftProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(modes);
        options ??= DmftOptions.Default;
        TheoryArguments.Gamma(gamma);
        TheoryArguments.FiniteAbove(eta, 0.0, nameof(eta), "learning rate");
        TheoryArguments.SizeOrInfinity(n, "N");
        TheoryArguments.SizeOrInfinity(p, "P");
        int nodes = options.ColumnNormNodesFor(p);
        bool self = UsesSelfTerm(options, p);
        if (steps < 0 || EstimatedBytes(modes.Count, steps, nodes, self) > MaxBytes)
        {
            throw TheoryArguments.OutOfRange(
                steps, nameof(steps), $"an integer >= 0 whose solve fits in {MaxBytes >> 30} GiB with {modes.Count} modes x {nodes} column-norm nodes (it needs {EstimatedBytes(modes.Count, Math.Max(steps, 0), nodes, self) >> 20} MiB)");
        }

        var solver = new Solver(modes, gamma, eta, n, p, (int)steps, nodes, self, options.Parallelism);
        long[] recorded = LogGrid.Steps(steps, options.PointsPerDecade);
        var loss = new double[recorded.Length];
        var train = new double[recorded.Length];
        var norm = new double[recorded.Length];
        int next = 0;
        for (int t = 0; t <= steps; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Reached(t);
            solver.Step(t);
            if (recorded[next] == t)
            {
                loss[next] = solver.TestLoss(t);
                train[next] = solver.TrainLoss(t);
                norm[next] = solver.WeightNorm(t);
                next++;
            }
        }

        string equations = self ? $"dmft-data-reuse (eq. 41 + data self-term, {nodes} column-norm nodes; full-batch steps of eta)" : "dmft-data-reuse (eq. 41; full-batch steps of eta)";
        return new DmftCurve(recorded, loss, norm, modes.Count, modes.IsExact, steps + 1, 1, 0.0, equations)
        {
            TrainLoss = train,
        };
    }

    private sealed class Solver
    {
        private readonly int _stride;
        private readonly double _eta, _gamma, _inverseN, _inverseP, _traceOverP;
        private readonly ModeHistory[] _modes;
        private readonly double[] _weight;
        private readonly int[] _parent;
        private readonly int _modeCount;
        private readonly bool _self;
        private readonly double[] _nodeWeights;

        // Per mode k with the self-term: Q_k = X R_1^(k) (T x T), its own m-weighted share of C_0,
        // lambda_k E_m[m K_k] (packed rows), row t of Z - Q_k C_0^self Q_k^T / P, and scratch.
        private readonly double[][] _qk, _c0Self, _zk, _selfScratch, _trainScratch;
        private readonly double[] _trainShare;

        // T x T, row-major with stride T + 1. Lower triangles: Hw, G, X, Q, R1, R3, Hs, Hs2, M (= R_1 Hs2 X);
        // symmetric, stored in full (each row mirrored into its column once computed): C0, C0P, C1, C2, C3, Ks.
        private readonly double[] _hw, _g, _x, _q, _r1, _r3, _hs, _hs2, _m, _c0, _c0p, _c1, _c2, _c3, _ks;
        private readonly double[] _a, _b, _c, _d, _y, _z, _cwDiag;
        private readonly ParallelOptions _parallel;
        private readonly double[][] _scratch;

        public Solver(ModeSet modes, double gamma, double eta, double n, double p, int steps, int nodes, bool self, int parallelism)
        {
            int t1 = steps + 1;
            _stride = t1;
            _eta = eta;
            _gamma = gamma;
            _inverseN = 1.0 / n;
            _inverseP = 1.0 / p;
            _self = self;
            (double[] norms, double[] normWeights) = ColumnNormQuadrature.Rule(p, nodes);
            int q = norms.Length;
            _nodeWeights = normWeights;
            _modeCount = modes.Count;
            _modes = new ModeHistory[modes.Count * q];
            _weight = new double[modes.Count * q];
            _parent = new int[modes.Count * q];
            double trace = 0.0;
            for (int k = 0; k < modes.Count; k++)
            {
                for (int j = 0; j < q; j++)
                {
                    int i = k * q + j;
                    _modes[i] = new ModeHistory(modes.Lambda[k], modes.WStar[k], norms[j], t1);
                    _weight[i] = modes.Weight[k] * normWeights[j];
                    _parent[i] = k;
                    trace += _weight[i] * norms[j] * modes.Lambda[k];
                }
            }

            _traceOverP = trace * _inverseP;
            long square = (long)t1 * t1;
            long packed = (long)t1 * (t1 + 1) / 2;
            _qk = new double[modes.Count][];
            _c0Self = new double[modes.Count][];
            _zk = new double[modes.Count][];
            _selfScratch = new double[modes.Count][];
            _trainScratch = new double[modes.Count][];
            _trainShare = new double[modes.Count];
            if (self)
            {
                for (int k = 0; k < modes.Count; k++)
                {
                    _qk[k] = new double[square];
                    _c0Self[k] = new double[packed];
                    _zk[k] = new double[t1];
                    _selfScratch[k] = new double[t1];
                    _trainScratch[k] = new double[5 * t1];
                }
            }

            _hw = new double[square];
            _g = new double[square];
            _x = new double[square];
            _q = new double[square];
            _r1 = new double[square];
            _r3 = new double[square];
            _hs = new double[square];
            _hs2 = new double[square];
            _m = new double[square];
            _c0 = new double[square];
            _c0p = new double[square];
            _c1 = new double[square];
            _c2 = new double[square];
            _c3 = new double[square];
            _ks = new double[square];
            _a = new double[t1];
            _b = new double[t1];
            _c = new double[t1];
            _d = new double[t1];
            _y = new double[t1];
            _z = new double[t1];
            _cwDiag = new double[t1];
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
            _scratch = new double[_modes.Length][];
            for (int k = 0; k < _modes.Length; k++)
            {
                _scratch[k] = new double[2 * t1];
            }
        }

        public double TestLoss(int t) => _c0[t * _stride + t];

        /// <summary>
        /// E |Psi v0(t)|^2 / P. Without the self-term C_1(t, t). With it, sum_k &lt;v0_k(t) v2_k(t)&gt; (the same number:
        /// |Psi v0|^2 / P = v0 . Psi^T Psi v0 / P = v0 . v2), summed per mode so that each mode's own samples count
        /// with its m and its own response: C_1 = R_1 C_0^P R_1^T treats them in the mean (measured: at P = 8 it is
        /// 10 % below a direct Monte Carlo at t = 10, the per-mode sum within 1 %).
        /// </summary>
        public double TrainLoss(int t)
        {
            if (!_self)
            {
                return _c1[t * _stride + t];
            }

            ForEachMode(t, k => _trainShare[k] = TrainShare(t, k));
            double sum = 0.0;
            for (int k = 0; k < _modeCount; k++)
            {
                sum += _trainShare[k];
            }

            return sum;
        }

        public double WeightNorm(int t) => _cwDiag[t];

        private Span<double> Row(double[] matrix, int t, int length) => matrix.AsSpan(t * _stride, length);

        /// <summary>Writes row t (s &lt; t) of a symmetric matrix into column t.</summary>
        private void Mirror(double[] matrix, int t)
        {
            for (int s = 0; s < t; s++)
            {
                matrix[s * _stride + t] = matrix[t * _stride + s];
            }
        }

        public void Step(int t)
        {
            FeatureRows(t);
            DataRowsBeforeModes(t);
            if (_self)
            {
                ForEachMode(t, k =>
                {
                    QkRow(t, k);
                    SelfZRow(t, k);
                });
            }

            AdvanceModes(t);
            ReduceRows(t);
            Mirror(_c0, t);
            Mirror(_c0p, t);
            Mirror(_ks, t);
            if (_self)
            {
                ForEachMode(t, k => SelfC0Row(t, k));
            }

            DataRowsAfterModes(t);
            FeatureRowsAfterModes(t);
        }

        /// <summary>Rows t of H^w (eq. 27), C_w (eq. 30), G, X = G R_3 and Y = G C_3 G^T / N, as in the online solver.</summary>
        private void FeatureRows(int t)
        {
            // H^w row t: w(t) = w(t-1) + eta v3(t-1) + eta^2 gamma sum_{s<t-1} C_3(t-1,s) w(s).
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
                        double a = scale * _c3[(t - 1) * _stride + s];
                        if (a != 0.0)
                        {
                            DeterministicBlas.Axpy(a, Row(_hw, s, s), hwRow[..s]);
                        }
                    }
                }
            }

            // C_w row t = (H^w C_3 H^w^T)(t, .): a = H^w(t,.) C_3, C_w(t,s) = a . H^w(s,.); G = H^w + eta gamma C_w below the diagonal.
            Span<double> a1 = _a.AsSpan(0, t);
            a1.Clear();
            for (int r = 0; r < t; r++)
            {
                if (hwRow[r] != 0.0)
                {
                    DeterministicBlas.Axpy(hwRow[r], Row(_c3, r, t), a1);
                }
            }

            Span<double> gRow = Row(_g, t, t);
            double memory = _eta * _gamma;
            for (int s = 0; s < t; s++)
            {
                gRow[s] = hwRow[s] + memory * DeterministicBlas.Dot(a1[..s], Row(_hw, s, s));
            }

            _cwDiag[t] = DeterministicBlas.Dot(a1, hwRow);

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
                Span<double> gc3 = _a.AsSpan(0, t);
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
        }

        /// <summary>Rows t of Q = X R_1 and Z = X C_1 X^T / P, which the modes need (R_1, C_1 rows &lt; t).</summary>
        private void DataRowsBeforeModes(int t)
        {
            ReadOnlySpan<double> xRow = Row(_x, t, t);
            Span<double> qRow = Row(_q, t, t);
            qRow.Clear();
            for (int r = 0; r < t; r++)
            {
                if (xRow[r] != 0.0)
                {
                    DeterministicBlas.Axpy(xRow[r], Row(_r1, r, r + 1), qRow[..(r + 1)]);
                }
            }

            Span<double> z = _z.AsSpan(0, t + 1);
            z.Clear();
            if (_inverseP != 0.0)
            {
                // a(r') = sum_{r<t} X(t,r) C_1(r, r'), r' < t; Z(t, s) = a . X(s, .) / P.
                Span<double> a = _a.AsSpan(0, t);
                a.Clear();
                for (int r = 0; r < t; r++)
                {
                    if (xRow[r] != 0.0)
                    {
                        DeterministicBlas.Axpy(xRow[r], Row(_c1, r, t), a);
                    }
                }

                for (int s = 0; s <= t; s++)
                {
                    z[s] = _inverseP * DeterministicBlas.Dot(a[..s], Row(_x, s, s));
                }
            }
        }

        private void AdvanceModes(int t)
        {
            double[] q = _q;
            double[] y = _y, z = _z;
            int stride = _stride;
            void Advance(int i)
            {
                int k = _parent[i];
                _modes[i].AdvanceReuse(t, _qk[k] ?? q, stride, y.AsSpan(0, t + 1), (_zk[k] ?? z).AsSpan(0, t + 1), _scratch[i]);
            }

            if ((long)_modes.Length * t * t < 1 << 16)
            {
                for (int k = 0; k < _modes.Length; k++)
                {
                    Advance(k);
                }
            }
            else
            {
                Parallel.For(0, _modes.Length, _parallel, Advance);
            }
        }

        /// <summary>
        /// Mode sums of row t, s = 0..t, in blocks of s (each block sums the modes in order, so threads do not
        /// matter), over modes and column-norm nodes (weight w, norm m): the test loss's C_0 = sum w lambda K, the data
        /// side's C_0^P = sum w m lambda K (|Psi v0|^2 / P counts mode k with its m), Ks = sum w m^2 lambda^2 K
        /// (with the self-term sum w (m^2 - m / P) lambda^2 K: each mode's own samples are in its m, not in the
        /// noise term (Tr Lambda / P) C_1 of C_2), Hs = sum w m lambda H^0 and Hs2 = sum w m^2 lambda^2 H^0.
        /// </summary>
        private void ReduceRows(int t)
        {
            int length = t + 1;
            int blocks = (length + Block - 1) / Block;
            int offset = t * _stride;
            void Do(int b)
            {
                int start = b * Block;
                int size = Math.Min(Block, length - start);
                Span<double> c0 = _c0.AsSpan(offset + start, size);
                Span<double> c0p = _c0p.AsSpan(offset + start, size);
                Span<double> ks = _ks.AsSpan(offset + start, size);
                Span<double> hs = _hs.AsSpan(offset + start, size);
                Span<double> hs2 = _hs2.AsSpan(offset + start, size);
                c0.Clear();
                c0p.Clear();
                ks.Clear();
                hs.Clear();
                hs2.Clear();
                for (int k = 0; k < _modes.Length; k++)
                {
                    ModeHistory mode = _modes[k];
                    double wl = _weight[k] * mode.Lambda;
                    double wml = _weight[k] * mode.ColumnNorm * mode.Lambda;
                    double wml2 = wml * mode.ColumnNorm * mode.Lambda;
                    double wks = _self ? wml * (mode.ColumnNorm - _inverseP) * mode.Lambda : wml2;
                    ReadOnlySpan<double> kRow = mode.KRow(t).Slice(start, size);
                    ReadOnlySpan<double> h0Row = mode.H0Row(t).Slice(start, size);
                    DeterministicBlas.Axpy(wl, kRow, c0);
                    DeterministicBlas.Axpy(wml, kRow, c0p);
                    DeterministicBlas.Axpy(wks, kRow, ks);
                    DeterministicBlas.Axpy(wml, h0Row, hs);
                    DeterministicBlas.Axpy(wml2, h0Row, hs2);
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
        }

        /// <summary>Rows t of R_02 = -Hs X, R_1 = [I - R_02 / P]^-1, C_1 = R_1 C_0^P R_1^T, M = R_1 Hs2 X and C_2.</summary>
        private void DataRowsAfterModes(int t)
        {
            // R_1 row t = e_t + (1/P) sum_{s<t} R_02(t,s) R_1(s, .), R_02(t, s) = -sum_{s<r<=t} Hs(t,r) X(r,s).
            ReadOnlySpan<double> hsRow = Row(_hs, t, t + 1);
            Span<double> r1Row = Row(_r1, t, t + 1);
            r1Row.Clear();
            r1Row[t] = 1.0;
            if (_inverseP != 0.0)
            {
                Span<double> r02 = _a.AsSpan(0, t);
                r02.Clear();
                for (int r = 1; r <= t; r++)
                {
                    if (hsRow[r] != 0.0)
                    {
                        DeterministicBlas.Axpy(-hsRow[r], Row(_x, r, r), r02[..r]);
                    }
                }

                for (int s = 0; s < t; s++)
                {
                    if (r02[s] != 0.0)
                    {
                        DeterministicBlas.Axpy(_inverseP * r02[s], Row(_r1, s, s + 1), r1Row[..(s + 1)]);
                    }
                }
            }

            // C_1 row t = (R_1 C_0 R_1^T)(t, .): b = R_1(t,.) C_0, C_1(t,s) = b . R_1(s,.), s = 0..t.
            Span<double> c1Row = Row(_c1, t, t + 1);
            Span<double> b = _b.AsSpan(0, t + 1);
            SandwichRow(t, _r1, _c0p, b, c1Row);
            Mirror(_c1, t);

            // C_2 row t. Without the data noise (P = inf) it is Ks itself.
            Span<double> c2Row = Row(_c2, t, t + 1);
            if (_inverseP == 0.0)
            {
                Row(_ks, t, t + 1).CopyTo(c2Row);
                Mirror(_c2, t);
                return;
            }

            // R_1 Ks R_1^T.
            SandwichRow(t, _r1, _ks, b, c2Row);

            // M row t = (R_1 Hs2 X)(t, .): c(r') = sum_{r<=t} R_1(t,r) Hs2(r,r'), M(t,s) = sum_{s<r'<=t} c(r') X(r',s).
            Span<double> c = _c.AsSpan(0, t + 1);
            c.Clear();
            for (int r = 0; r <= t; r++)
            {
                if (r1Row[r] != 0.0)
                {
                    DeterministicBlas.Axpy(r1Row[r], Row(_hs2, r, r + 1), c[..(r + 1)]);
                }
            }

            Span<double> mRow = Row(_m, t, t);
            mRow.Clear();
            for (int r = 1; r <= t; r++)
            {
                if (c[r] != 0.0)
                {
                    DeterministicBlas.Axpy(c[r], Row(_x, r, r), mRow[..r]);
                }
            }

            // d(s) = (M C_1)(t, s) = sum_{r<t} M(t,r) C_1(r,s), s = 0..t.
            Span<double> d = _d.AsSpan(0, t + 1);
            d.Clear();
            for (int r = 0; r < t; r++)
            {
                if (mRow[r] != 0.0)
                {
                    DeterministicBlas.Axpy(mRow[r], Row(_c1, r, t + 1), d);
                }
            }

            // C_2(t,s) = (R_1 Ks R_1^T)(t,s) + (Tr Lambda / P) C_1(t,s) - ((M C_1)(t,s) + (M C_1)(s,t)) / P,
            // (M C_1)(s, t) = M(s,.) . C_1(t,.) (C_1 symmetric).
            for (int s = 0; s <= t; s++)
            {
                double transposed = DeterministicBlas.Dot(Row(_m, s, s), c1Row[..s]);
                c2Row[s] += (_traceOverP * c1Row[s]) - (_inverseP * (d[s] + transposed));
            }

            Mirror(_c2, t);
        }

        /// <summary>Rows t of R_24 = -R_1 Hs G, R_3 = [I - R_24 / N]^-1 (eq. 29) and C_3 = R_3 C_2 R_3^T (eq. 31).</summary>
        private void FeatureRowsAfterModes(int t)
        {
            Span<double> r3Row = Row(_r3, t, t + 1);
            r3Row.Clear();
            r3Row[t] = 1.0;
            Span<double> c3Row = Row(_c3, t, t + 1);
            if (_inverseN == 0.0)
            {
                Row(_c2, t, t + 1).CopyTo(c3Row);
                Mirror(_c3, t);
                return;
            }

            // c(r') = (R_1 Hs)(t, r'), r' <= t; R_24(t,s) = -sum_{s<r'<=t} c(r') G(r',s).
            ReadOnlySpan<double> r1Row = Row(_r1, t, t + 1);
            Span<double> c = _c.AsSpan(0, t + 1);
            c.Clear();
            for (int r = 0; r <= t; r++)
            {
                if (r1Row[r] != 0.0)
                {
                    DeterministicBlas.Axpy(r1Row[r], Row(_hs, r, r + 1), c[..(r + 1)]);
                }
            }

            Span<double> r24 = _a.AsSpan(0, t);
            r24.Clear();
            for (int r = 1; r <= t; r++)
            {
                if (c[r] != 0.0)
                {
                    DeterministicBlas.Axpy(-c[r], Row(_g, r, r), r24[..r]);
                }
            }

            for (int s = 0; s < t; s++)
            {
                if (r24[s] != 0.0)
                {
                    DeterministicBlas.Axpy(_inverseN * r24[s], Row(_r3, s, s + 1), r3Row[..(s + 1)]);
                }
            }

            SandwichRow(t, _r3, _c2, _b.AsSpan(0, t + 1), c3Row);
            Mirror(_c3, t);
        }

        /// <summary>Runs <paramref name="action"/> for every mode k, in parallel when the work is large (each mode's work is its own).</summary>
        private void ForEachMode(int t, Action<int> action)
        {
            if ((long)_modeCount * t * t < 1 << 16)
            {
                for (int k = 0; k < _modeCount; k++)
                {
                    action(k);
                }
            }
            else
            {
                Parallel.For(0, _modeCount, _parallel, action);
            }
        }

        /// <summary>
        /// Row t of Q_k = X R_1^(k), where R_1^(k) = [I - (R_02 - chi_k) / P]^-1 is R_1 with mode k's own data
        /// response chi_k = -lambda_k Hbar_k X taken out of R_02 (Hbar_k = sum_r omega_r m_r H^0_r over its nodes).
        /// Since R_1 = [I - R_02 / P]^-1 this is exactly Q_k = Q + (lambda_k / P) Q Hbar_k Q_k (as X_k in
        /// <see cref="FiniteWidthDmft"/>), causal, so row t needs rows &lt; t only.
        /// </summary>
        private void QkRow(int t, int k)
        {
            int q = _nodeWeights.Length;
            double[] qk = _qk[k];
            Span<double> z = _selfScratch[k].AsSpan(0, t);
            ReadOnlySpan<double> qRow = _q.AsSpan(t * _stride, t);
            Span<double> row = qk.AsSpan(t * _stride, t);
            qRow.CopyTo(row);

            // z(r') = sum_r omega_r m_r sum_{r<t} Q(t, r) H^0_r(r, r'), r' &lt;= r.
            z.Clear();
            for (int j = 0; j < q; j++)
            {
                ModeHistory mode = _modes[k * q + j];
                double w = _nodeWeights[j] * mode.ColumnNorm;
                for (int r = 0; r < t; r++)
                {
                    double a = w * qRow[r];
                    if (a != 0.0)
                    {
                        DeterministicBlas.Axpy(a, mode.H0Row(r), z[..(r + 1)]);
                    }
                }
            }

            // Q_k(t, s) += (lambda_k / P) sum_{r'} z(r') Q_k(r', s), s &lt; r'.
            double scale = _modes[k * q].Lambda * _inverseP;
            for (int rp = 1; rp < t; rp++)
            {
                if (z[rp] != 0.0)
                {
                    DeterministicBlas.Axpy(scale * z[rp], qk.AsSpan(rp * _stride, rp), row[..rp]);
                }
            }
        }

        /// <summary>
        /// Row t of mode k's data noise seen through X, without its own samples' share:
        /// Z(t, s) - (Q_k C_0^self_k Q_k^T)(t, s) / P, s = 0..t (the mode's own share is in its m instead).
        /// </summary>
        private void SelfZRow(int t, int k)
        {
            double[] c0 = _c0Self[k];
            double[] qk = _qk[k];
            Span<double> a = _selfScratch[k].AsSpan(0, t);
            Span<double> zk = _zk[k].AsSpan(0, t + 1);
            ReadOnlySpan<double> qRow = qk.AsSpan(t * _stride, t);

            // a(r') = sum_{r<t} Q_k(t, r) C(r, r'): C(r, r') for r' <= r from row r, for r' > r from row r' (symmetry).
            a.Clear();
            for (int r = 0; r < t; r++)
            {
                if (qRow[r] != 0.0)
                {
                    DeterministicBlas.Axpy(qRow[r], c0.AsSpan(ModeHistory.Offset(r), r + 1), a[..(r + 1)]);
                }
            }

            for (int rp = 0; rp < t; rp++)
            {
                a[rp] += DeterministicBlas.Dot(qRow[..rp], c0.AsSpan(ModeHistory.Offset(rp), rp));
            }

            for (int s = 0; s <= t; s++)
            {
                zk[s] = _z[s] - (_inverseP * DeterministicBlas.Dot(a[..s], qk.AsSpan(s * _stride, s)));
            }
        }

        /// <summary>
        /// Mode k's share of the train loss at t, sum over its nodes of w m [lambda (R_1^(k) K)(t,t) - (H^0 X e)(t)]:
        /// v2 = m lambda R_1^(k) v0 + sqrt(m) u2 and &lt;v0 u2^T&gt; = -sqrt(m) H^0 X E_k, with e = E_k(., t) =
        /// lambda [C_1 - R_1 C_0^self R_1^T](., t) / P, the noise of the other modes' samples, and
        /// R_1^(k) = R_1 + (lambda / P) R_1 Hbar_k Q_k (row t only).
        /// </summary>
        private double TrainShare(int t, int k)
        {
            int q = _nodeWeights.Length;
            int t1 = t + 1;
            double lambda = _modes[k * q].Lambda;
            double[] scratch = _trainScratch[k];
            Span<double> rh = scratch.AsSpan(0, t1);
            Span<double> r1k = scratch.AsSpan(t1, t1);
            Span<double> b = scratch.AsSpan(2 * t1, t1);
            Span<double> e = scratch.AsSpan(3 * t1, t1);
            Span<double> xe = scratch.AsSpan(4 * t1, t1);
            ReadOnlySpan<double> r1Row = Row(_r1, t, t1);

            // rh = (R_1 Hbar_k)(t, .); r1k = R_1^(k)(t, .).
            rh.Clear();
            for (int j = 0; j < q; j++)
            {
                ModeHistory mode = _modes[k * q + j];
                double w = _nodeWeights[j] * mode.ColumnNorm;
                for (int a = 0; a <= t; a++)
                {
                    if (r1Row[a] != 0.0)
                    {
                        DeterministicBlas.Axpy(w * r1Row[a], mode.H0Row(a), rh[..(a + 1)]);
                    }
                }
            }

            r1Row.CopyTo(r1k);
            double scale = lambda * _inverseP;
            for (int r = 1; r <= t; r++)
            {
                if (rh[r] != 0.0)
                {
                    DeterministicBlas.Axpy(scale * rh[r], _qk[k].AsSpan(r * _stride, r), r1k[..r]);
                }
            }

            // b = C_0^self R_1(t, .)^T (C(a, b) for b > a from row b, for b &lt;= a from row a), then e(r') = lambda [C_1(r', t) - R_1(r', .) . b] / P, r' <= t.
            double[] c0 = _c0Self[k];
            b.Clear();
            for (int a = 0; a <= t; a++)
            {
                if (r1Row[a] != 0.0)
                {
                    DeterministicBlas.Axpy(r1Row[a], c0.AsSpan(ModeHistory.Offset(a), a + 1), b[..(a + 1)]);
                }
            }

            for (int a = 0; a <= t; a++)
            {
                b[a] += DeterministicBlas.Dot(r1Row[..a], c0.AsSpan(ModeHistory.Offset(a), a));
            }

            ReadOnlySpan<double> c1Row = Row(_c1, t, t1);
            for (int r = 0; r <= t; r++)
            {
                e[r] = lambda * _inverseP * (c1Row[r] - DeterministicBlas.Dot(Row(_r1, r, r + 1), b[..(r + 1)]));
            }

            // xe = X e (X strictly lower).
            for (int r = 0; r <= t; r++)
            {
                xe[r] = DeterministicBlas.Dot(Row(_x, r, r), e[..r]);
            }

            double share = 0.0;
            for (int j = 0; j < q; j++)
            {
                ModeHistory mode = _modes[k * q + j];
                double m = mode.ColumnNorm;
                double coupled = DeterministicBlas.Dot(r1k, mode.KRow(t));
                double noise = DeterministicBlas.Dot(mode.H0Row(t), xe);
                share += _weight[k * q + j] * m * ((lambda * coupled) - noise);
            }

            return share;
        }

        /// <summary>Row t of mode k's own share of C_0^P: lambda_k sum_r omega_r m_r K_r(t, s), s = 0..t (packed).</summary>
        private void SelfC0Row(int t, int k)
        {
            int q = _nodeWeights.Length;
            Span<double> row = _c0Self[k].AsSpan(ModeHistory.Offset(t), t + 1);
            row.Clear();
            for (int j = 0; j < q; j++)
            {
                ModeHistory mode = _modes[k * q + j];
                DeterministicBlas.Axpy(_nodeWeights[j] * mode.ColumnNorm * mode.Lambda, mode.KRow(t), row);
            }
        }

        /// <summary>
        /// Row t of L S L^T for a lower-triangular L (rows 0..t in <paramref name="lower"/>) and a symmetric S
        /// stored in full through row and column t: b = L(t,.) S, out(s) = b . L(s,.), s = 0..t.
        /// </summary>
        private void SandwichRow(int t, double[] lower, double[] symmetric, Span<double> b, Span<double> output)
        {
            ReadOnlySpan<double> lRow = Row(lower, t, t + 1);
            b.Clear();
            for (int a = 0; a <= t; a++)
            {
                if (lRow[a] != 0.0)
                {
                    DeterministicBlas.Axpy(lRow[a], Row(symmetric, a, t + 1), b);
                }
            }

            for (int s = 0; s < t; s++)
            {
                output[s] = DeterministicBlas.Dot(b[..(s + 1)], Row(lower, s, s + 1));
            }

            output[t] = DeterministicBlas.Dot(b, lRow);
        }
    }
}

using ScaleSweep.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// One representative mode k of the finite N, B DMFT (eq. 26-28): its resolvent H^0_k and its error
/// correlation K_k(t, s) = &lt;v0_k(t) v0_k(s)&gt;, built one time row at a time. With the mode-independent
/// drive zeta_k = wStar_k 1 - G u^4_k - X u^2_k (G = H^w + eta gamma C_w, X = G R_3, eq. 28) the error is
/// v0_k = H^0_k zeta_k, H^0_k = (I + lambda_k X)^-1, i.e. v0_k(t) = zeta_k(t) - lambda_k sum_{s&lt;t} X(t,s) v0_k(s),
/// and the drive's second moment is S_k = wStar_k^2 1 1^T + G C_3 G^T / N + X diag(sigma_k^2) X^T with the
/// batch-noise variance sigma_k^2(t) of u^2_k. Both triangles are packed row by row (row t holds s = 0..t).
/// </summary>
internal sealed class ModeHistory
{
    private readonly double _lambda;
    private readonly double _norm;
    private readonly double _wStar2;
    private readonly double[] _h0;
    private readonly double[] _k;
    private readonly double[] _sigma2;

    public ModeHistory(double lambda, double wStar, double columnNorm, int timePoints)
    {
        _lambda = lambda;
        _norm = columnNorm;
        _wStar2 = wStar * wStar;
        long packed = (long)timePoints * (timePoints + 1) / 2;
        _h0 = new double[packed];
        _k = new double[packed];
        _sigma2 = new double[timePoints];
    }

    public double Lambda => _lambda;

    /// <summary>The squared column norm n = |a_k|^2 / N this history is conditioned on (1 at N = infinity).</summary>
    public double ColumnNorm => _norm;

    public static int Offset(int t) => t * (t + 1) / 2;

    /// <summary>Row t of H^0_k, s = 0..t.</summary>
    public ReadOnlySpan<double> H0Row(int t) => _h0.AsSpan(Offset(t), t + 1);

    /// <summary>Row t of K_k, s = 0..t.</summary>
    public ReadOnlySpan<double> KRow(int t) => _k.AsSpan(Offset(t), t + 1);

    /// <summary>&lt;v0_k(t)^2&gt;.</summary>
    public double Diagonal(int t) => _k[Offset(t) + t];

    public double Sigma2(int t) => _sigma2[t];

    public void SetSigma2(int t, double value) => _sigma2[t] = value;

    /// <summary>
    /// max_s |H^0_k(t, s)|, s &lt;= t (+infinity when not finite): how much the mode's error at t answers a kick
    /// at an earlier step. A stable recursion keeps it near 1 (it is |1 - eta n lambda|^(t - s) when lazy);
    /// one past SGD's step-size limit grows it geometrically.
    /// </summary>
    public double ResolventPeak(int t)
    {
        double peak = 0.0;
        foreach (double h in H0Row(t))
        {
            double a = Math.Abs(h);
            if (!(a <= peak))
            {
                peak = double.IsNaN(a) ? double.PositiveInfinity : a;
            }
        }

        return peak;
    }

    /// <summary>
    /// Fills row t of H^0_k and K_k from rows &lt; t, the time x time matrix X (row-major, stride), row t
    /// of Y = G C_3 G^T / N and row t of the mode's own share of it, X C_2^self X^T / N (left out: the
    /// mode's cross-noise comes from the other modes only). scratch needs 3 (t + 1) numbers.
    /// </summary>
    public void Advance(int t, double[] x, int stride, ReadOnlySpan<double> yRow, ReadOnlySpan<double> selfRow, Span<double> scratch)
    {
        // Given n, the mode's self-coupling is n R_3 (its effective eigenvalue n lambda), its cross-noise
        // sqrt(n) u4 and its batch noise enters as n X u2 (see FiniteWidthDmft).
        double norm = _norm;
        double lambda = _lambda * norm;
        double norm2 = norm * norm;
        ReadOnlySpan<double> xRow = x.AsSpan(t * stride, t);

        ResolventRow(t, xRow, lambda);

        // S(t, s) = wStar^2 + Y(t, s) + sum_{r<s} X(t,r) sigma^2(r) X(s,r), s = 0..t.
        Span<double> weighted = scratch[..(t + 1)];
        Span<double> j = scratch.Slice(t + 1, t + 1);
        Span<double> tmp = scratch.Slice(2 * (t + 1), t + 1);
        for (int r = 0; r < t; r++)
        {
            weighted[r] = norm2 * xRow[r] * _sigma2[r];
        }

        // J(t, s) = <zeta(t) v0(s)> = S(t, s) - lambda sum_{r<s} X(s,r) J(t, r), s = 0..t in order.
        for (int s = 0; s <= t; s++)
        {
            ReadOnlySpan<double> xs = x.AsSpan(s * stride, s);
            double sts = _wStar2 + norm * (yRow[s] - selfRow[s]) + DeterministicBlas.Dot(weighted[..s], xs);
            j[s] = sts - lambda * DeterministicBlas.Dot(xs, j[..s]);
        }

        CorrelationRow(t, xRow, lambda, j, tmp);
    }

    /// <summary>
    /// Row t for training on a finite set (eq. 41, <see cref="DataReuseDmft"/>), given the data column norm m of
    /// this history (1 without the self-term): the error is v0_k = H^0_k zeta_k with H^0_k = (I + m lambda_k Q)^-1,
    /// Q = X R_1 (the data response R_1 between the feature response X and the error; R_1^(k) with the self-term),
    /// and the drive's second moment is S_k(t, s) = wStar_k^2 + Y(t, s) + m lambda_k Z(t, s), Z = X C_1 X^T / P
    /// (the reused data's noise u^2_k ~ GP(0, lambda_k C_1 / P) seen through X; without the mode's own share with
    /// the self-term). <paramref name="q"/> holds Q (row-major, stride); <paramref name="yRow"/> and
    /// <paramref name="zRow"/> are rows t of Y and Z. scratch needs 2 (t + 1) numbers.
    /// </summary>
    public void AdvanceReuse(int t, double[] q, int stride, ReadOnlySpan<double> yRow, ReadOnlySpan<double> zRow, Span<double> scratch)
    {
        // Given the data column norm m (the node), the mode's data self-coupling is m lambda_k R_1^(k) and its
        // own samples' noise is in that m; zRow is then the noise of the other modes' share (DataReuseDmft).
        double lambda = _lambda * _norm;
        ReadOnlySpan<double> qRow = q.AsSpan(t * stride, t);
        ResolventRow(t, qRow, lambda);

        // J(t, s) = <zeta(t) v0(s)> = S(t, s) - lambda sum_{r<s} Q(s,r) J(t, r), s = 0..t in order.
        Span<double> j = scratch[..(t + 1)];
        Span<double> tmp = scratch.Slice(t + 1, t + 1);
        for (int s = 0; s <= t; s++)
        {
            ReadOnlySpan<double> qs = q.AsSpan(s * stride, s);
            double sts = _wStar2 + yRow[s] + lambda * zRow[s];
            j[s] = sts - lambda * DeterministicBlas.Dot(qs, j[..s]);
        }

        CorrelationRow(t, qRow, lambda, j, tmp);
    }

    /// <summary>H^0 = I - lambda X H^0: row t = e_t - lambda sum_{r&lt;t} X(t,r) H^0(r, .).</summary>
    private void ResolventRow(int t, ReadOnlySpan<double> xRow, double lambda)
    {
        Span<double> h0Row = _h0.AsSpan(Offset(t), t + 1);
        h0Row.Clear();
        h0Row[t] = 1.0;
        for (int r = 0; r < t; r++)
        {
            double a = -lambda * xRow[r];
            if (a != 0.0)
            {
                DeterministicBlas.Axpy(a, _h0.AsSpan(Offset(r), r + 1), h0Row[..(r + 1)]);
            }
        }
    }

    /// <summary>K(t, s) = J(t, s) - lambda sum_{r&lt;t} X(t,r) K(r, s), s = 0..t; K(r, s) for r &lt; s is K(s, r). tmp needs t + 1 numbers.</summary>
    private void CorrelationRow(int t, ReadOnlySpan<double> xRow, double lambda, ReadOnlySpan<double> j, Span<double> tmp)
    {
        tmp.Clear();
        for (int r = 0; r < t; r++)
        {
            DeterministicBlas.Axpy(xRow[r], _k.AsSpan(Offset(r), r + 1), tmp[..(r + 1)]);
        }

        Span<double> kRow = _k.AsSpan(Offset(t), t + 1);
        for (int s = 0; s < t; s++)
        {
            double upper = DeterministicBlas.Dot(xRow[..s], _k.AsSpan(Offset(s), s));
            kRow[s] = j[s] - lambda * (tmp[s] + upper);
        }

        kRow[t] = j[t] - lambda * DeterministicBlas.Dot(xRow, kRow[..t]);
    }
}

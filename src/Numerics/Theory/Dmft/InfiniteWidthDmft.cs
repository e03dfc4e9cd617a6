using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The N, B -&gt; infinity DMFT (Appendix E.1, eq. 43-44): with R_3 -&gt; I, u^4, u^2 -&gt; 0, v^4_k -&gt; lambda_k v^0_k
/// and C_3 -&gt; C_2 the per-mode errors are deterministic and obey, for t = 0, 1, ..., T,
/// <code>
/// v0_k(t)     = wStar_k - vw_k(t) - eta gamma lambda_k sum_{s&lt;t} C_w(t,s) v0_k(s)
/// vw_k(t+1)   = vw_k(t) + eta lambda_k v0_k(t) + eta^2 gamma sum_{s&lt;t} C_2(t,s) vw_k(s),   vw_k(0) = 0
/// C_2(t,s)    = sum_k lambda_k^2 v0_k(t) v0_k(s)
/// C_w(t,s)    = |w|^2-type overlap (1/N) w(t).w(s) = sum_k vw_k(t) vw_k(s)
/// L(t)        = C_0(t,t) = sum_k lambda_k v0_k(t)^2
/// </code>
/// Two readings of the printed eq. 44 are fixed here against eq. 19-20 and the simulation:
/// (1) the memory term of vw carries eta^2 gamma (eq. 19-20: the A update is eta gamma and it acts on
/// an eta-sized w update), where eq. 44 prints eta gamma; (2) C_w is closed by the mode sum: w(t) is a
/// linear filter w = H^w v^3 of v^3 (eq. 27, 30) and, with N -&gt; infinity, C_3 = C_2 is itself a sum over
/// modes, so C_w = H^w C_2 H^w^T = sum_k vw_k vw_k^T with vw_k = H^w lambda_k v0_k.
/// <para>
/// Every sum over s is causal, so the equations are solved forward in time, row t of the time x time
/// matrices C_2 and C_w at step t: O(modes t) per step, O(modes T^2) in all. gamma = 0 skips the memory
/// terms: v0_k(t) = wStar_k (1 - eta lambda_k)^t, the exact lazy curve.
/// </para>
/// </summary>
public static class InfiniteWidthDmft
{
    /// <summary>Time-axis block of the parallel row updates; fixed, so results do not depend on threads.</summary>
    private const int Block = 1024;

    /// <summary>Below this many multiply-adds a phase runs on one thread (same arithmetic, less overhead).</summary>
    private const long ParallelThreshold = 1 << 16;

    /// <summary>
    /// Bytes the uniform-grid solver holds: gamma = 0 is the closed form (one factor per mode); otherwise the
    /// histories v0_k and vw_k of every mode and two time rows, (modes + 1) (T + 1) pairs of doubles.
    /// </summary>
    public static long EstimatedBytes(int modes, long steps, double gamma) =>
        gamma == 0.0 ? 16L * modes : 16L * (modes + 1L) * (steps + 1);

    /// <summary>The loss curve of eq. 43-44 for the given modes, recorded on <see cref="LogGrid.Steps"/>.</summary>
    /// <param name="cancellationToken">Checked once per time step; a cancelled solve throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Told the time reached at each time step, for progress displays; null: nobody asks.</param>
    public static DmftCurve Solve(
        ModeSet modes, double gamma, double eta, long steps, int pointsPerDecade = 10, int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default, DmftProgress? progress = null)
    {
        TheoryArguments.DmftCommon(modes, gamma, eta, steps);

        long[] recorded = LogGrid.Steps(steps, pointsPerDecade);
        var loss = new double[recorded.Length];
        var norm = new double[recorded.Length];
        if (gamma == 0.0)
        {
            Lazy(modes, eta, recorded, loss);
        }
        else
        {
            Rich(modes, gamma, eta, checked((int)steps), recorded, loss, norm, maxDegreeOfParallelism, cancellationToken, progress);
        }

        return new DmftCurve(recorded, loss, norm, modes.Count, modes.IsExact, steps + 1, 1, 0.0, "dmft-infinite (eq. 43-44)");
    }

    /// <summary>gamma = 0: v0_k(t+1) = (1 - eta lambda_k) v0_k(t), C_w = 0.</summary>
    private static void Lazy(ModeSet modes, double eta, long[] recorded, double[] loss)
    {
        int count = modes.Count;
        ReadOnlySpan<double> lambda = modes.Lambda, weight = modes.Weight;
        var v0 = modes.WStar.ToArray();
        var factor = new double[count];
        for (int k = 0; k < count; k++)
        {
            factor[k] = 1.0 - eta * lambda[k];
        }

        long t = 0;
        for (int r = 0; r < recorded.Length; r++)
        {
            for (; t < recorded[r]; t++)
            {
                for (int k = 0; k < count; k++)
                {
                    v0[k] *= factor[k];
                }
            }

            double sum = 0.0;
            for (int k = 0; k < count; k++)
            {
                sum += weight[k] * lambda[k] * v0[k] * v0[k];
            }

            loss[r] = sum;
        }
    }

    private static void Rich(
        ModeSet modes, double gamma, double eta, int steps, long[] recorded, double[] loss, double[] norm, int parallelism,
        CancellationToken cancellationToken, DmftProgress? progress)
    {
        int count = modes.Count;
        int stride = steps + 1;
        if ((long)count * stride > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(steps), $"modes x (steps + 1) = {(long)count * stride} exceeds the largest array ({Array.MaxLength}): use fewer modes or steps.");
        }

        double[] lambda = modes.Lambda.ToArray(), wStar = modes.WStar.ToArray(), weight = modes.Weight.ToArray();
        var lambda2Weight = new double[count];
        for (int k = 0; k < count; k++)
        {
            lambda2Weight[k] = weight[k] * lambda[k] * lambda[k];
        }

        // Mode-major histories: v0[k * stride + s] = v0_k(s), vw likewise (vw_k(0) = 0).
        var v0 = new double[count * stride];
        var vw = new double[count * stride];
        var cwRow = new double[stride];
        var c2Row = new double[stride];
        var coefficient = new double[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        int next = 0;
        for (int t = 0; t <= steps; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Reached(t);

            // Row t of C_w, s = 0..t (s = t is |w(t)|^2 / N): sum_k vw_k(t) vw_k(s).
            for (int k = 0; k < count; k++)
            {
                coefficient[k] = weight[k] * vw[k * stride + t];
            }

            RowSum(vw, stride, coefficient, cwRow, t + 1, options);

            // v0_k(t) from the memory of the readout's feature updates.
            double scale = eta * gamma;
            For(count, (long)count * t, options, k =>
            {
                int row = k * stride;
                double memory = DeterministicBlas.Dot(cwRow.AsSpan(0, t), v0.AsSpan((int)row, t));
                v0[row + t] = wStar[k] - vw[row + t] - scale * lambda[k] * memory;
            });

            if (next < recorded.Length && recorded[next] == t)
            {
                double sum = 0.0;
                for (int k = 0; k < count; k++)
                {
                    double value = v0[k * stride + t];
                    sum += weight[k] * lambda[k] * value * value;
                }

                loss[next] = sum;
                norm[next] = cwRow[t];
                next++;
            }

            if (t == steps)
            {
                break;
            }

            // Row t of C_2, s = 0..t-1, then vw_k(t+1).
            for (int k = 0; k < count; k++)
            {
                coefficient[k] = lambda2Weight[k] * v0[k * stride + t];
            }

            RowSum(v0, stride, coefficient, c2Row, t, options);
            double scale2 = eta * eta * gamma;
            For(count, (long)count * t, options, k =>
            {
                int row = k * stride;
                double memory = DeterministicBlas.Dot(c2Row.AsSpan(0, t), vw.AsSpan((int)row, t));
                vw[row + t + 1] = vw[row + t] + eta * lambda[k] * v0[row + t] + scale2 * memory;
            });
        }
    }

    /// <summary>row[s] = sum_k coefficient[k] histories[k, s] for s &lt; length, k in order, blocks of s in parallel.</summary>
    private static void RowSum(double[] histories, int stride, double[] coefficient, double[] row, int length, ParallelOptions options)
    {
        int blocks = (length + Block - 1) / Block;
        void Do(int b)
        {
            int start = b * Block;
            int size = Math.Min(Block, length - start);
            Span<double> target = row.AsSpan(start, size);
            target.Clear();
            for (int k = 0; k < coefficient.Length; k++)
            {
                DeterministicBlas.Axpy(coefficient[k], histories.AsSpan(k * stride + start, size), target);
            }
        }

        if (blocks <= 1 || (long)coefficient.Length * length < ParallelThreshold)
        {
            for (int b = 0; b < blocks; b++)
            {
                Do(b);
            }
        }
        else
        {
            Parallel.For(0, blocks, options, Do);
        }
    }

    private static void For(int count, long work, ParallelOptions options, Action<int> body)
    {
        if (work < ParallelThreshold || options.MaxDegreeOfParallelism == 1)
        {
            for (int k = 0; k < count; k++)
            {
                body(k);
            }
        }
        else
        {
            Parallel.For(0, count, options, body);
        }
    }
}

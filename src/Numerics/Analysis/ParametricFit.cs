using MathNet.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Nonlinear fits of a loss curve with a floor: L(t) = a t^-r + c and the two-term time slice of
/// eq. 9, L(t) = a t^-r1 + b t^-r2 + c.
/// </summary>
/// <remarks>
/// MathNet's <c>Fit.Power</c> cannot fit an offset and its least-squares fitters are not robust,
/// hence this. The recipe follows the careful replication of Chinchilla's approach 3 (Besiroglu et
/// al. 2024): Huber loss (delta = 1e-3) on the residuals of log L, minimised by L-BFGS from a grid
/// of initialisations, keeping the best. Fitting logs weighs every decade of the curve equally.
/// </remarks>
public static class ParametricFit
{
    /// <summary>Huber threshold on log residuals unless told otherwise (Besiroglu et al. 2024).</summary>
    public const double DefaultHuberDelta = 1e-3;

    private static readonly double[] OffsetRates = [0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0];
    private static readonly double[] OffsetFloors = [1e-4, 0.1, 0.5, 0.9];
    private static readonly double[] TwoTermRates = [0.1, 0.25, 0.5, 1.0, 2.0, 4.0];
    private static readonly double[] TwoTermFloors = [1e-4, 0.3, 0.8];

    /// <summary>
    /// Fits L(t) = a t^-r + c over the recorded steps in the window ([max(1, T0), T1] inclusive;
    /// every step t &gt;= 1 when null).
    /// </summary>
    /// <remarks>
    /// Starts: r over {0.05, ..., 3} (10 values) times c over {1e-4, 0.1, 0.5, 0.9} times the smallest
    /// loss in the window, with a set by relative least squares given r and c.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// Fewer than 4 points in the window, a loss there not positive and finite (naming the step),
    /// or a non-positive Huber delta.
    /// </exception>
    public static OffsetPowerLawFitResult FitOffset(
        IReadOnlyList<long> steps,
        IReadOnlyList<double> loss,
        (long T0, long T1)? window = null,
        double huberDelta = DefaultHuberDelta)
    {
        (double[] t, double[] l) = Points(steps, loss, window, huberDelta, parameters: 3);
        var starts = new List<double[]>(OffsetRates.Length * OffsetFloors.Length);
        double floorScale = Min(l);
        foreach (double c in OffsetFloors)
        {
            foreach (double r in OffsetRates)
            {
                double[] amplitudes = StartAmplitudes(t, l, [r], c * floorScale);
                starts.Add([Math.Log(amplitudes[0]), r, Math.Log(c * floorScale)]);
            }
        }

        (double[] theta, double objective, int converged) = Minimize(t, l, terms: 1, huberDelta, starts);
        return new OffsetPowerLawFitResult(
            Math.Exp(theta[0]), theta[1], Math.Exp(theta[2]), objective, starts.Count, converged, t.Length);
    }

    /// <summary>
    /// Fits L(t) = a t^-r1 + b t^-r2 + c over the window as in <see cref="FitOffset"/>; the result
    /// orders the terms so that r1 &lt;= r2.
    /// </summary>
    /// <remarks>
    /// Starts: every pair r1 &lt; r2 from {0.1, 0.25, 0.5, 1, 2, 4} (15 pairs) times c over
    /// {1e-4, 0.3, 0.8} times the smallest loss, amplitudes by relative least squares.
    /// Two terms with close rates are nearly degenerate; read the rates with care when they meet.
    /// </remarks>
    /// <exception cref="ArgumentException">As for <see cref="FitOffset"/>, with at least 6 points.</exception>
    public static TwoTermPowerLawFitResult FitTwoTerm(
        IReadOnlyList<long> steps,
        IReadOnlyList<double> loss,
        (long T0, long T1)? window = null,
        double huberDelta = DefaultHuberDelta)
    {
        (double[] t, double[] l) = Points(steps, loss, window, huberDelta, parameters: 5);
        var starts = new List<double[]>();
        double floorScale = Min(l);
        foreach (double c in TwoTermFloors)
        {
            for (int i = 0; i < TwoTermRates.Length; i++)
            {
                for (int j = i + 1; j < TwoTermRates.Length; j++)
                {
                    double r1 = TwoTermRates[i];
                    double r2 = TwoTermRates[j];
                    double[] amplitudes = StartAmplitudes(t, l, [r1, r2], c * floorScale);
                    starts.Add([Math.Log(amplitudes[0]), r1, Math.Log(amplitudes[1]), r2, Math.Log(c * floorScale)]);
                }
            }
        }

        (double[] theta, double objective, int converged) = Minimize(t, l, terms: 2, huberDelta, starts);
        int slow = theta[1] <= theta[3] ? 0 : 2;
        int fast = 2 - slow;
        return new TwoTermPowerLawFitResult(
            Math.Exp(theta[slow]), theta[slow + 1], Math.Exp(theta[fast]), theta[fast + 1], Math.Exp(theta[4]),
            objective, starts.Count, converged, t.Length);
    }

    private static (double[] Theta, double Objective, int Converged) Minimize(
        double[] t, double[] l, int terms, double delta, List<double[]> starts)
    {
        var logT = new double[t.Length];
        var logL = new double[l.Length];
        for (int i = 0; i < t.Length; i++)
        {
            logT[i] = Math.Log(t[i]);
            logL[i] = Math.Log(l[i]);
        }

        return new HuberPowerSum(logT, logL, terms, delta).Minimize(starts);
    }

    /// <summary>
    /// Amplitudes that best match L - c given the rates, in relative least squares (each row divided
    /// by L so that late, small losses count as much as early ones). A non-positive solution, which
    /// the log parameterisation cannot hold, is replaced by a small positive amplitude.
    /// </summary>
    private static double[] StartAmplitudes(double[] t, double[] l, double[] rates, double floor)
    {
        Matrix<double> design = Matrix<double>.Build.Dense(t.Length, rates.Length, (i, k) => Math.Pow(t[i], -rates[k]) / l[i]);
        Vector<double> target = Vector<double>.Build.Dense(t.Length, i => (l[i] - floor) / l[i]);
        Vector<double> solution = design.QR().Solve(target);
        var amplitudes = new double[rates.Length];
        double fallback = 1e-3 * l[0];
        for (int k = 0; k < rates.Length; k++)
        {
            amplitudes[k] = solution[k] > 0 && double.IsFinite(solution[k]) ? solution[k] : fallback;
        }

        return amplitudes;
    }

    private static (double[] T, double[] L) Points(
        IReadOnlyList<long> steps, IReadOnlyList<double> loss, (long T0, long T1)? window, double delta, int parameters)
    {
        CurveChecks.RequireCurve(steps, loss, "Curve");
        if (!(delta > 0) || !double.IsFinite(delta))
        {
            throw new ArgumentOutOfRangeException("huberDelta", delta, "The Huber delta must be positive and finite.");
        }

        (long T0, long T1) w = CurveChecks.ClampWindow(window ?? (1, long.MaxValue));
        (int first, int count) = CurveChecks.WindowRange(steps, w);
        if (count <= parameters)
        {
            throw new ArgumentException(
                $"Only {count} recorded step(s) t >= 1 lie in the window [{w.T0}, {w.T1}]; "
                + $"a fit with {parameters} parameters needs at least {parameters + 1}.");
        }

        var t = new double[count];
        var l = new double[count];
        for (int i = 0; i < count; i++)
        {
            t[i] = steps[first + i];
            CurveChecks.LogLoss(loss[first + i], steps[first + i], "Curve");
            l[i] = loss[first + i];
        }

        return (t, l);
    }

    private static double Min(double[] values)
    {
        double min = double.PositiveInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }
}

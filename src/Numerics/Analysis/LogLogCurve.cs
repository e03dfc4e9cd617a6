using MathNet.Numerics.Interpolation;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// A width's loss curve in log-log coordinates (log L against log t, t &gt;= 1), interpolated
/// linearly, which is exact for a pure power law between recorded steps.
/// </summary>
internal sealed class LogLogCurve
{
    // Tolerance on log t when deciding coverage, so that grid points landing on a recorded
    // step up to rounding are not dropped.
    private const double Slack = 1e-9;

    private readonly LinearSpline _spline;

    private LogLogCurve(int width, double[] logT, double[] logLoss)
    {
        Width = width;
        LogWidth = Math.Log(width);
        FirstLogT = logT[0];
        LastLogT = logT[^1];
        _spline = LinearSpline.InterpolateSorted(logT, logLoss);
    }

    internal int Width { get; }

    internal double LogWidth { get; }

    internal double FirstLogT { get; }

    internal double LastLogT { get; }

    /// <summary>Builds the curve from the steps t &gt;= 1; needs two of them, with positive finite losses.</summary>
    internal static LogLogCurve Create(int width, IReadOnlyList<long> steps, IReadOnlyList<double> loss)
    {
        string what = $"Width {width}";
        CurveChecks.RequireCurve(steps, loss, what);
        (int first, int count) = CurveChecks.WindowRange(steps, (1, long.MaxValue));
        if (count < 2)
        {
            throw new ArgumentException($"{what} has {count} recorded step(s) t >= 1; the frontier needs at least 2.");
        }

        var logT = new double[count];
        var logLoss = new double[count];
        for (int i = 0; i < count; i++)
        {
            logT[i] = Math.Log(steps[first + i]);
            logLoss[i] = CurveChecks.LogLoss(loss[first + i], steps[first + i], what);
        }

        return new LogLogCurve(width, logT, logLoss);
    }

    /// <summary>
    /// log L at compute log C, i.e. at t = C / N; false when that t lies outside the recorded range,
    /// where the curve says nothing (no extrapolation).
    /// </summary>
    internal bool TryLogLossAtCompute(double logCompute, out double logLoss)
    {
        double logT = logCompute - LogWidth;
        if (logT < FirstLogT - Slack || logT > LastLogT + Slack)
        {
            logLoss = double.NaN;
            return false;
        }

        logLoss = _spline.Interpolate(Math.Clamp(logT, FirstLogT, LastLogT));
        return true;
    }
}

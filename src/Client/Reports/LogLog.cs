using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// Curves in log10 coordinates for log-log plots (ScottPlot 5 plots log10 of the data on linear axes),
/// and interpolation in those coordinates.
/// </summary>
internal static class LogLog
{
    /// <summary>log10 of (x scale * step, mean, mean +- SEM) at the steps t &gt;= 1 with a positive mean.</summary>
    /// <remarks>
    /// Where mean - SEM is not positive the band's lower edge mirrors the upper one in log space, so
    /// the band stays finite and symmetric on the plot instead of dropping to minus infinity.
    /// </remarks>
    public static LogCurve Of(GroupReport group, double xScale = 1.0)
    {
        var x = new List<double>(group.Steps.Length);
        var y = new List<double>(group.Steps.Length);
        var lower = new List<double>(group.Steps.Length);
        var upper = new List<double>(group.Steps.Length);
        for (int k = 0; k < group.Steps.Length; k++)
        {
            double mean = group.Mean[k];
            if (group.Steps[k] < 1 || !(mean > 0) || !double.IsFinite(mean))
            {
                continue;
            }

            double sem = group.Sem.Length > k && double.IsFinite(group.Sem[k]) ? Math.Abs(group.Sem[k]) : 0.0;
            double logMean = Math.Log10(mean);
            double top = Math.Log10(mean + sem);
            x.Add(Math.Log10(xScale * group.Steps[k]));
            y.Add(logMean);
            upper.Add(top);
            lower.Add(mean - sem > 0 ? Math.Log10(mean - sem) : (2 * logMean) - top);
        }

        return new LogCurve(x.ToArray(), y.ToArray(), lower.ToArray(), upper.ToArray());
    }

    /// <summary>Linear interpolation of y at x; the end values outside the curve's range.</summary>
    public static double Interpolate(double[] xs, double[] ys, double x)
    {
        if (x <= xs[0])
        {
            return ys[0];
        }

        for (int i = 1; i < xs.Length; i++)
        {
            if (x <= xs[i])
            {
                double f = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + (f * (ys[i] - ys[i - 1]));
            }
        }

        return ys[^1];
    }
}

using ScaleSweep.Numerics.Spectra;
using ScottPlot;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// A spectrum on log-log axes (`spectrum fit --out`): lambda_k and the target power lambda_k wStar_k^2 against k,
/// each with its fitted power law drawn dashed over the fit window.
/// </summary>
internal static class SpectrumPlot
{
    /// <summary>Base name of the files: spectrum.png and spectrum.svg.</summary>
    public const string BaseName = "spectrum";

    /// <summary>
    /// At most this many modes are drawn, log-spaced in k: a line through 10^7 points is no clearer than through
    /// 2000 and takes minutes to render.
    /// </summary>
    public const int MaxPoints = 2000;

    public static RenderedPlot Render(Spectrum spectrum, SpectrumFitResult fit, string title)
    {
        using var plot = new Plot();
        var bounds = new Bounds();
        int[] shown = Shown(spectrum.M);
        (double[] x, double[] y) lambda = Curve(shown, k => spectrum.Lambda[k - 1]);
        (double[] x, double[] y) power = Curve(shown, k => spectrum.Lambda[k - 1] * spectrum.WStar[k - 1] * spectrum.WStar[k - 1]);
        var palette = new ScottPlot.Palettes.Category10();
        string alphaCi = Ci(fit.AlphaCi);
        string betaCi = Ci(fit.BetaCi);
        AddCurve(plot, bounds, lambda, palette.GetColor(0), "lambda_k");
        AddCurve(plot, bounds, power, palette.GetColor(1), "lambda_k wstar_k^2");
        AddLine(plot, bounds, fit, fit.LambdaIntercept, fit.Alpha, palette.GetColor(0), FormattableString.Invariant($"fit k^-alpha, alpha = {fit.Alpha:F3}{alphaCi}"));
        AddLine(plot, bounds, fit, fit.PowerIntercept, fit.PowerDecay, palette.GetColor(1), FormattableString.Invariant($"fit k^-(alpha beta + 1), beta = {fit.Beta:F3}{betaCi}"));
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(title, 14);
        plot.XLabel("mode k");
        plot.YLabel("lambda_k, lambda_k wstar_k^2");
        LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
        return ReportPlots.Render(BaseName, "spectrum", plot);
    }

    /// <summary>Every k up to <see cref="MaxPoints"/> modes, else about that many log-spaced ones, always with k = M.</summary>
    private static int[] Shown(int modes)
    {
        if (modes <= MaxPoints)
        {
            return Enumerable.Range(1, modes).ToArray();
        }

        var ks = new SortedSet<int>();
        double step = Math.Log(modes) / (MaxPoints - 1);
        for (int i = 0; i < MaxPoints; i++)
        {
            ks.Add((int)Math.Clamp(Math.Round(Math.Exp(i * step)), 1, modes));
        }

        ks.Add(modes);
        return ks.ToArray();
    }

    /// <summary>log10 (k, value) where the value is positive: a zero has no place on a log axis.</summary>
    private static (double[] X, double[] Y) Curve(int[] ks, Func<int, double> value)
    {
        var x = new List<double>(ks.Length);
        var y = new List<double>(ks.Length);
        foreach (int k in ks)
        {
            double v = value(k);
            if (v > 0 && double.IsFinite(v))
            {
                x.Add(Math.Log10(k));
                y.Add(Math.Log10(v));
            }
        }

        return (x.ToArray(), y.ToArray());
    }

    private static void AddCurve(Plot plot, Bounds bounds, (double[] X, double[] Y) curve, Color color, string label)
    {
        if (curve.X.Length == 0)
        {
            return;
        }

        var line = plot.Add.ScatterLine(curve.X, curve.Y, color);
        line.LineWidth = 1.5f;
        line.MarkerSize = curve.X.Length <= 200 ? 4 : 0;
        line.LegendText = label;
        bounds.Add(curve.X, curve.Y);
    }

    /// <summary>ln v = intercept - rate ln k over the window, in log10 coordinates.</summary>
    private static void AddLine(Plot plot, Bounds bounds, SpectrumFitResult fit, double intercept, double rate, Color color, string label)
    {
        double[] x = [Math.Log10(fit.Window.K0), Math.Log10(fit.Window.K1)];
        double[] y = [(intercept / Math.Log(10)) - (rate * x[0]), (intercept / Math.Log(10)) - (rate * x[1])];
        var line = plot.Add.ScatterLine(x, y, Colors.Black);
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.Color = color.Darken(0.4);
        line.LegendText = label;
        bounds.Add(x, y);
    }

    private static string Ci((double Lo, double Hi) ci) =>
        double.IsFinite(ci.Lo) ? FormattableString.Invariant($" [{ci.Lo:F3}, {ci.Hi:F3}]") : string.Empty;
}

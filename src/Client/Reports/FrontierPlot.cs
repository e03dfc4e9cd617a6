using System.Globalization;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// The compute-optimal frontier on log-log axes: every width's L against C = N t in a light colour,
/// the frontier points (filled where the optimal width is interior, open at the edge of the width grid),
/// the fitted line over the fitted range and Table 1's slope, dashed, a factor 2 below the fitted line's middle.
/// </summary>
internal static class FrontierPlot
{
    /// <summary>The plot, or null when there is neither a width curve nor a frontier point to draw.</summary>
    /// <param name="frontier">The frontier.</param>
    /// <param name="widths">The groups of this frontier's configuration, one per width.</param>
    /// <param name="title">The plot title.</param>
    public static Plot? Create(FrontierReport frontier, IReadOnlyList<GroupReport> widths, string title)
    {
        var plot = new Plot();
        var bounds = new Bounds();
        Color light = Colors.SlateGray.WithAlpha(0.45);
        var sorted = widths.OrderBy(g => g.Config.N).ToArray();
        bool first = true;
        foreach (GroupReport group in sorted)
        {
            LogCurve curve = LogLog.Of(group, group.Config.N);
            if (curve.IsEmpty)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(curve.X, curve.Y, light);
            line.LineWidth = 1.5f;
            if (first)
            {
                line.LegendText = $"L against C = N t, one line per width N = {sorted[0].Config.N}..{sorted[^1].Config.N}";
                first = false;
            }

            var label = plot.Add.Text($"N={group.Config.N}", curve.X[^1], curve.Y[^1]);
            label.LabelFontSize = 10;
            label.LabelFontColor = Colors.SlateGray;
            label.LabelAlignment = Alignment.MiddleLeft;
            bounds.Add(curve.X, curve.Y);
        }

        AddPoints(plot, frontier, interior: true, bounds);
        AddPoints(plot, frontier, interior: false, bounds);
        AddLines(plot, frontier, bounds);
        if (bounds.IsEmpty)
        {
            plot.Dispose();
            return null;
        }

        if (frontier.Exponent is null && frontier.Reason is { } reason)
        {
            var note = plot.Add.Annotation("no fit: " + Output.Reason.Clause(FirstSentence(reason)), Alignment.UpperRight);
            note.LabelFontSize = 11;
        }

        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(title, 14);
        plot.XLabel("compute C = N t");
        plot.YLabel("loss L");
        LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
        return plot;
    }

    private static void AddPoints(Plot plot, FrontierReport frontier, bool interior, Bounds bounds)
    {
        double[] x = frontier.Points.Where(p => p.Interior == interior && p.C > 0 && p.L > 0).Select(p => Math.Log10(p.C)).ToArray();
        double[] y = frontier.Points.Where(p => p.Interior == interior && p.C > 0 && p.L > 0).Select(p => Math.Log10(p.L)).ToArray();
        if (x.Length == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(x, y, interior ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, 5, Colors.Black);
        markers.LegendText = interior
            ? "frontier L*(C): optimal width inside the grid (fitted)"
            : "frontier L*(C): optimal width at the grid's edge (not fitted)";
        bounds.Add(x, y);
    }

    /// <summary>The fitted line over its range, and Table 1's slope anchored at the fitted line's middle (or the frontier's middle point without a fit).</summary>
    private static void AddLines(Plot plot, FrontierReport frontier, Bounds bounds)
    {
        double x0, x1, xm, ym;
        string anchor;
        if (frontier is { Exponent: { } r, Intercept: { } intercept, FitRange: [double c0, double c1] })
        {
            x0 = Math.Log10(c0);
            x1 = Math.Log10(c1);
            double Fitted(double x) => (intercept / Math.Log(10)) - (r * x);
            var fit = plot.Add.ScatterLine(new[] { x0, x1 }, new[] { Fitted(x0), Fitted(x1) }, Colors.Crimson);
            fit.LineWidth = 2.5f;
            string ci = frontier.Ci is [double lo, double hi] ? $" [{Exponent(lo)}, {Exponent(hi)}]" : string.Empty;
            fit.LegendText = $"fit: r_C = {Exponent(r)}{ci}";
            xm = (x0 + x1) / 2;
            ym = Fitted(xm);
            anchor = "the fit";
        }
        else
        {
            FrontierPointReport[] points = frontier.Points.Where(p => p.C > 0 && p.L > 0).ToArray();
            if (points.Length < 2)
            {
                return;
            }

            x0 = Math.Log10(points[0].C);
            x1 = Math.Log10(points[^1].C);
            FrontierPointReport middle = points[points.Length / 2];
            xm = Math.Log10(middle.C);
            ym = Math.Log10(middle.L);
            anchor = "the middle frontier point";
        }

        double rc = frontier.Theory.Exponent;
        if (!double.IsFinite(rc))
        {
            return;
        }

        // Like the loss plot's theory lines, Table 1's sits a factor 2 below its anchor, beside the fit rather than on it.
        ym += Math.Log10(LossPlot.TheoryOffset);
        double[] ty = [ym + (rc * (xm - x0)), ym - (rc * (x1 - xm))];
        var table = plot.Add.ScatterLine(new[] { x0, x1 }, ty, Colors.RoyalBlue);
        table.LineWidth = 2.5f;
        table.LinePattern = LinePattern.Dashed;
        string regime = frontier.Theory.Regime is { } g ? $", {g}" : string.Empty;
        table.LegendText = $"Table 1: r_C = {Exponent(rc)} ({PhaseWord(frontier.Theory.Phase)}{regime}), at 0.5 x {anchor}";
        bounds.Add([x0, x1], ty);
    }

    /// <summary>"hard" from "hard; linear network: ...": the legend has room for the word only.</summary>
    private static string PhaseWord(string phase)
    {
        int end = phase.IndexOf(';', StringComparison.Ordinal);
        return end < 0 ? phase : phase[..end];
    }

    private static string FirstSentence(string text)
    {
        int end = text.IndexOf(": ", StringComparison.Ordinal);
        int stop = text.IndexOf(". ", StringComparison.Ordinal);
        int cut = end > 0 && (stop < 0 || end < stop) ? end : stop;
        string sentence = cut > 0 ? text[..cut] : text.TrimEnd('.');
        return sentence.Length <= 90 ? sentence : sentence[..87] + "...";
    }

    private static string Exponent(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}

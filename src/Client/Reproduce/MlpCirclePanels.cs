using System.Globalization;
using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Theory;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// What Fig. 5 and Fig. 7 share, the MLP on the circle (Sec. 5.1, docs/mlp-circle.md): loss panels with a colour per
/// task (a value of the swept q or qPhi), the rich line (gamma0 = 1) solid with its theory slope and the near-lazy one
/// (the sweep's smallest gamma0) light beside it; the fitted time exponents against eq. 14's beta with the lazy and
/// rich theory; and their CSV and summary rows.
/// </summary>
internal static class MlpCirclePanels
{
    /// <summary>The exponents' CSV header.</summary>
    public const string ExponentsHeader = "panel,q,qPhi,depth,beta,gamma0,regime,chi,ci_lo,ci_hi,theory,fit_from,fit_to,last_decade_slope";

    /// <summary>Eq. 14's beta as the report table prints it: to 10 digits, so (2 1.4 - 1)/2 reads 0.9, not 0.8999999999999999.</summary>
    public static string Beta(double beta) => P(Math.Round(beta, 10));

    /// <summary>
    /// True for the near-lazy group of a report: the smallest gamma0 when the report has more than one. A sweep with one
    /// gamma0 has only rich lines (the MLP's gamma0 is never 0: its output carries 1/gamma0).
    /// </summary>
    public static bool IsLazy(SweepReport report, GroupReport group)
    {
        double[] gammas = report.Groups.Select(g => g.Config.Gamma).Distinct().ToArray();
        return gammas.Length > 1 && group.Config.Gamma == gammas.Min();
    }

    /// <summary>The exponent the group is compared with: the lazy chi = beta for the near-lazy line, else the rich beta max(1, 2/(1+beta)) (eq. 10-11 at eq. 14's beta).</summary>
    public static double Predicted(SweepReport report, GroupReport group) =>
        IsLazy(report, group) ? Exponents.ChiLazy(group.Config.Beta) : Exponents.TimeExponent(group.Config.Beta, group.Config.Gamma);

    /// <summary>"q=1" or "qPhi=0.75": the swept parameter's value of the group.</summary>
    public static string Swept(string swept, GroupReport group) =>
        $"{swept}={P(swept == "q" ? group.Config.Q ?? double.NaN : group.Config.QPhi ?? double.NaN)}";

    /// <summary>The groups of a report by task (q, qPhi), in report order.</summary>
    public static IReadOnlyList<GroupReport[]> Tasks(SweepReport report) =>
        report.Groups.GroupBy(g => (g.Config.Q, g.Config.QPhi)).Select(t => t.ToArray()).ToArray();

    /// <summary>
    /// Loss against t, a colour per task: the rich line solid with its seed band and the rich theory slope dashed over the
    /// fit window (through half the mean at the window's middle, as the report's plots draw it), the near-lazy line thin
    /// and light in the same colour. One legend entry per task with both fits against their theory.
    /// </summary>
    public static RenderedPlot? LossPanel(string baseName, string title, SweepReport report, string swept, string theoryKey)
    {
        using var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bounds = new Bounds();
        IReadOnlyList<GroupReport[]> tasks = Tasks(report);
        for (int i = 0; i < tasks.Count; i++)
        {
            Color color = palette.GetColor(i);
            var fits = new List<string>();
            bool labelled = false;
            // The near-lazy line first, so the rich one is drawn over it; the legend names the rich fit first.
            foreach (GroupReport g in tasks[i].OrderBy(g => IsLazy(report, g) ? 0 : 1))
            {
                LogCurve curve = LogLog.Of(g);
                bool lazy = IsLazy(report, g);
                fits.Insert(lazy ? fits.Count : 0, $"{(lazy ? "lazy" : "rich")} {(g.Fit is { } f ? X(f.Exponent) : "no fit")} vs {X(Predicted(report, g))}");
                if (curve.IsEmpty)
                {
                    continue;
                }

                if (lazy)
                {
                    var light = plot.Add.ScatterLine(curve.X, curve.Y, color.WithAlpha(0.5));
                    light.LineWidth = 1.5f;
                }
                else
                {
                    var band = plot.Add.FillY(curve.X, curve.Lower, curve.Upper);
                    band.FillColor = color.WithAlpha(0.2);
                    band.LineWidth = 0;
                    var line = plot.Add.ScatterLine(curve.X, curve.Y, color);
                    line.LineWidth = 2;
                    labelled = true;
                    if (SlopeLine(g, curve, Predicted(report, g)) is { } slope)
                    {
                        var dashed = plot.Add.ScatterLine(slope.X, slope.Y, color);
                        dashed.LineWidth = 2;
                        dashed.LinePattern = LinePattern.Dashed;
                        bounds.Add(slope.X, slope.Y);
                    }

                    bounds.Add(curve.X, curve.Lower);
                }

                bounds.Add(curve.X, curve.Y);
            }

            GroupReport first = tasks[i][0];
            string label = $"beta={Beta(first.Config.Beta)} ({Swept(swept, first)}): {string.Join(", ", fits)}";
            if (labelled)
            {
                // The legend entry on the band-less key, so the task's colour shows once.
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, LineColor = color, LineWidth = 2 });
            }
            else
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, LineColor = color.WithAlpha(0.5), LineWidth = 1.5f });
            }
        }

        if (bounds.IsEmpty)
        {
            return null;
        }

        double[] gammas = report.Groups.Select(g => g.Config.Gamma).Distinct().Order().ToArray();
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"solid: gamma0 = {P(gammas[^1])} (rich), seed mean +- SEM", LineColor = Colors.Gray, LineWidth = 2 });
        if (gammas.Length > 1)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"light: gamma0 = {P(gammas[0])} (near lazy)", LineColor = Colors.Gray.WithAlpha(0.5), LineWidth = 1.5f });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"dashed: {theoryKey} over the fit window (at 0.5 x the rich mean)", LineColor = Colors.Gray, LineWidth = 2, LinePattern = LinePattern.Dashed });
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(title, 14);
        plot.XLabel("step t");
        plot.YLabel("test loss L (mean over theta)");
        LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
        return ReportPlots.Render(baseName, "loss", plot);
    }

    /// <summary>One set of points of an exponent panel: the groups of one sweep, drawn with one marker shape.</summary>
    /// <param name="Label">What the set varies, e.g. "Fig. 5a, q varied at qPhi = 1".</param>
    /// <param name="Report">The sweep's report.</param>
    /// <param name="Shape">The rich points' marker (the lazy ones take its open form).</param>
    public sealed record PointSet(string Label, SweepReport Report, MarkerShape Shape);

    /// <summary>
    /// The fitted time exponents against eq. 14's beta: the lazy chi = beta and the rich beta max(1, 2/(1+beta)) as
    /// lines, each fit as a point with its 95% seed-bootstrap interval, rich red and near-lazy blue.
    /// </summary>
    public static RenderedPlot ExponentPanel(string baseName, string title, IReadOnlyList<PointSet> sets, double betaMax)
    {
        using var plot = new Plot();
        double[] betas = Enumerable.Range(1, (int)Math.Ceiling(betaMax * 100)).Select(i => i / 100.0).ToArray();
        var lazyLine = plot.Add.ScatterLine(betas, betas.Select(Exponents.ChiLazy).ToArray(), Colors.SteelBlue);
        lazyLine.LineWidth = 2;
        lazyLine.LegendText = "lazy: chi = beta (eq. 10)";
        var richLine = plot.Add.ScatterLine(betas, betas.Select(Exponents.ChiRich).ToArray(), Colors.OrangeRed);
        richLine.LineWidth = 2;
        richLine.LegendText = "rich: chi = beta max(1, 2/(1+beta)) (eq. 11)";
        double top = betas.Max(Exponents.ChiRich);
        foreach (PointSet set in sets)
        {
            foreach (bool lazy in new[] { false, true })
            {
                GroupReport[] groups = set.Report.Groups.Where(g => g.Fit is not null && IsLazy(set.Report, g) == lazy).ToArray();
                if (groups.Length == 0)
                {
                    continue;
                }

                Color color = lazy ? Colors.SteelBlue : Colors.OrangeRed;
                MarkerShape shape = lazy ? Open(set.Shape) : set.Shape;
                foreach (GroupReport g in groups)
                {
                    FitReport fit = g.Fit!;
                    if (fit.Ci is [double lo, double hi])
                    {
                        var bar = plot.Add.ScatterLine(new[] { g.Config.Beta, g.Config.Beta }, new[] { lo, hi }, color);
                        bar.LineWidth = 1.5f;
                        top = Math.Max(top, hi);
                    }

                    plot.Add.Marker(g.Config.Beta, fit.Exponent, shape, 10, color);
                    top = Math.Max(top, fit.Exponent);
                }

                string gamma0 = P(groups[0].Config.Gamma);
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = $"{set.Label}, gamma0 = {gamma0} ({(lazy ? "near lazy" : "rich")}), 95% CI",
                    MarkerShape = shape, MarkerColor = color, MarkerSize = 10,
                });
            }
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title, 14);
        plot.XLabel("source exponent beta = (2q - 1)/(2 qPhi) (eq. 14)");
        plot.YLabel("time exponent chi of L ~ t^-chi");
        plot.Axes.SetLimits(0, betaMax, 0, 1.1 * top);
        return ReportPlots.Render(baseName, "exponents", plot);
    }

    /// <summary>The exponents' CSV rows of one sweep (after <see cref="ExponentsHeader"/>).</summary>
    public static void AppendExponents(StringBuilder csv, string panel, SweepReport report)
    {
        foreach (GroupReport g in report.Groups)
        {
            FitReport? fit = g.Fit;
            double[] ci = fit?.Ci ?? [double.NaN, double.NaN];
            csv.Append(CultureInfo.InvariantCulture,
                $"{panel},{P(g.Config.Q ?? double.NaN)},{P(g.Config.QPhi ?? double.NaN)},{g.Config.Depth},{Beta(g.Config.Beta)},{P(g.Config.Gamma)},"
                + $"{(IsLazy(report, g) ? "lazy" : "rich")},{(fit is null ? "" : P(fit.Exponent))},{(fit?.Ci is null ? "" : P(ci[0]))},{(fit?.Ci is null ? "" : P(ci[1]))},"
                + $"{P(Predicted(report, g))},{(fit is null ? "" : fit.Window[0])},{(fit is null ? "" : fit.Window[^1])},{P(LastDecadeSlope(g))}\n");
        }
    }

    /// <summary>The summary rows of one sweep: each fit beside the lazy or rich exponent of eq. 14's beta.</summary>
    public static IEnumerable<ExponentRow> Rows(string figure, SweepReport report)
    {
        foreach (GroupReport g in report.Groups)
        {
            if (g.Fit is not { } fit)
            {
                continue;
            }

            bool lazy = IsLazy(report, g);
            string setting = $"MLP, q {P(g.Config.Q ?? double.NaN)}, qPhi {P(g.Config.QPhi ?? double.NaN)} (beta {Beta(g.Config.Beta)}), gamma0 {P(g.Config.Gamma)}, N {g.Config.N}";
            yield return new ExponentRow(figure, "time exponent chi", setting, fit.Exponent, fit.Ci, Predicted(report, g),
                lazy ? "lazy limit, eq. 10 with eq. 14" : "eq. 11 with eq. 14");
        }
    }

    /// <summary>
    /// "q 1 (beta 0.5): rich 0.644 [0.614, 0.671] against 0.667 (last decade 0.774) and near-lazy 0.426 [...] against 0.500
    /// (last decade ...)", per task.
    /// </summary>
    public static string Fits(SweepReport report, string swept) => string.Join("; ", Tasks(report).Select(task =>
    {
        GroupReport first = task[0];
        string fits = List(task.OrderBy(g => IsLazy(report, g) ? 1 : 0)
            .Select(g => $"{(IsLazy(report, g) ? "near-lazy" : "rich")} {Fit(g)} against {X(Predicted(report, g))} (last decade {X(LastDecadeSlope(g))})").ToArray());
        return $"{Swept(swept, first).Replace('=', ' ')} (beta {Beta(first.Config.Beta)}): {fits}";
    }));

    /// <summary>
    /// The local exponent over the last decade of recorded steps: minus the least-squares slope of log10 of the seed mean
    /// against log10 t (no interval). Beside the sweep's two-decade fit it shows whether the curve is still bending.
    /// </summary>
    public static double LastDecadeSlope(GroupReport group)
    {
        LogCurve curve = LogLog.Of(group);
        return curve.IsEmpty ? double.NaN : -Fig11LinearNetwork.LastDecadeSlope(curve.X, curve.Y);
    }

    /// <summary>How many near-lazy fits lie below the lazy chi = beta, of how many there are.</summary>
    public static (int Below, int Of) LazyBelowBeta(SweepReport report)
    {
        GroupReport[] lazy = report.Groups.Where(g => g.Fit is not null && IsLazy(report, g)).ToArray();
        return (lazy.Count(g => g.Fit!.Exponent < Exponents.ChiLazy(g.Config.Beta)), lazy.Length);
    }

    /// <summary>
    /// Per task, the near-lazy line's last loss over the rich one's: "q 1 (beta 0.5): 4.6x", what feature learning gains
    /// by the last step (below 1 where it loses). Empty without a near-lazy line.
    /// </summary>
    public static string SpeedUps(SweepReport report, string swept)
    {
        var parts = new List<string>();
        foreach (GroupReport[] task in Tasks(report))
        {
            GroupReport? lazy = task.FirstOrDefault(g => IsLazy(report, g));
            GroupReport? rich = task.LastOrDefault(g => !IsLazy(report, g));
            if (lazy is { Mean.Length: > 0 } && rich is { Mean.Length: > 0 } && rich.Mean[^1] > 0)
            {
                parts.Add($"{Swept(swept, task[0]).Replace('=', ' ')} (beta {Beta(task[0].Config.Beta)}): {(lazy.Mean[^1] / rich.Mean[^1]).ToString("F1", CultureInfo.InvariantCulture)}x");
            }
        }

        return string.Join(", ", parts);
    }

    /// <summary>The slope guide of L ~ t^-chi over the group's fit window, through half its mean at the window's geometric middle.</summary>
    private static (double[] X, double[] Y)? SlopeLine(GroupReport group, LogCurve curve, double chi)
    {
        long last = group.Steps.Length > 0 ? group.Steps[^1] : 0;
        if (last < 1 || !double.IsFinite(chi))
        {
            return null;
        }

        (long t0, long t1) = group.Fit is { Window: [long a, long b] } ? (a, b) : PowerLawFit.DefaultWindow(last);
        double x0 = Math.Log10(Math.Max(t0, 1)), x1 = Math.Log10(Math.Min(t1, last));
        if (!(x1 > x0) || x1 < curve.X[0] || x0 > curve.X[^1])
        {
            return null;
        }

        double xm = (x0 + x1) / 2;
        double ym = LogLog.Interpolate(curve.X, curve.Y, xm) + Math.Log10(LossPlot.TheoryOffset);
        return ([x0, x1], [ym + (chi * (xm - x0)), ym - (chi * (x1 - xm))]);
    }

    private static MarkerShape Open(MarkerShape shape) => shape switch
    {
        MarkerShape.FilledSquare => MarkerShape.OpenSquare,
        MarkerShape.FilledDiamond => MarkerShape.OpenDiamond,
        MarkerShape.FilledTriangleUp => MarkerShape.OpenTriangleUp,
        _ => MarkerShape.OpenCircle,
    };
}

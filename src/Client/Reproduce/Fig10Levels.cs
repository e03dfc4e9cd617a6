using System.Globalization;
using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Theory;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 10: the approximation levels of eq. 62, chi_0 = beta, chi_{n+1} = beta (2 - chi_n), against beta for the
/// hard task, converging to 2 beta/(1+beta); beside them the rich time exponents fitted in a sweep over beta.
/// </summary>
internal sealed class Fig10Levels : PaperFigure
{
    /// <summary>Levels drawn: chi_0 .. chi_4 (higher ones sit on the limit at this scale).</summary>
    public const int Levels = 4;

    public override string Name => "fig10";

    public override string Summary => "the exponent levels of eq. 62 against beta, with the fitted rich time exponents";

    public override IReadOnlyList<string> SpecJson(bool quick) =>
    [
        quick
            ? Spec("[0.2, 0.4, 0.6, 0.8]", 512, 4000, 3000, 2)
            : Spec("[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]", 2048, 10000, 10000, 8),
    ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport report = reports[0];
        double[] betas = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
        using var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var csv = new StringBuilder("beta,level,chi\n");
        for (int n = 0; n <= Levels; n++)
        {
            double[] chi = betas.Select(b => Exponents.Levels(b, n)[n]).ToArray();
            var line = plot.Add.ScatterLine(betas, chi, palette.GetColor(n));
            line.LineWidth = 1.5f;
            line.LegendText = $"chi_{n} (eq. 62)";
            for (int i = 0; i < betas.Length; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{P(betas[i])},{n},{P(chi[i])}\n");
            }
        }

        double[] limit = betas.Select(Exponents.ChiRich).ToArray();
        var fixedPoint = plot.Add.ScatterLine(betas, limit, Colors.Black);
        fixedPoint.LineWidth = 3.5f;
        // Solid and thick rather than dashed: a dashed line here makes Skia's SVG canvas print "Unsupported path
        // effect in addPaint." on stdout, which would mix into the command's output.
        fixedPoint.LegendText = "2 beta/(1+beta): the limit, eq. 11";

        var rows = new List<ExponentRow>();
        var parts = new List<string>();
        csv.Append("# measured: beta,chi,ci_lo,ci_hi,N,steps\n");
        foreach (GroupReport g in report.Groups.Where(g => g.Fit is not null))
        {
            FitReport fit = g.Fit!;
            var point = plot.Add.Marker(g.Config.Beta, fit.Exponent, MarkerShape.FilledCircle, 9, Colors.Crimson);
            if (fit.Ci is [double lo, double hi])
            {
                var bar = plot.Add.ScatterLine(new[] { g.Config.Beta, g.Config.Beta }, new[] { lo, hi }, Colors.Crimson);
                bar.LineWidth = 2;
                csv.Append(CultureInfo.InvariantCulture, $"{P(g.Config.Beta)},{P(fit.Exponent)},{P(lo)},{P(hi)},{g.Config.N},{g.Config.Steps}\n");
            }

            point.LegendText = rows.Count == 0 ? $"fitted chi, gamma = 1, N = {g.Config.N}, 95% CI" : string.Empty;
            rows.Add(new ExponentRow(Name, "time exponent chi (rich)", $"beta {P(g.Config.Beta)}, gamma 1, N {g.Config.N}", fit.Exponent, fit.Ci, g.Theory.Exponent, "eq. 11"));
            int nearest = Enumerable.Range(0, Levels + 1).MinBy(n => Math.Abs(Exponents.Levels(g.Config.Beta, n)[n] - fit.Exponent));
            parts.Add($"beta = {P(g.Config.Beta)}: {Fit(g)} against the limit {X(g.Theory.Exponent)} (nearest level chi_{nearest} = {X(Exponents.Levels(g.Config.Beta, nearest)[nearest])})");
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title("Fig. 10: approximation levels of the rich time exponent (eq. 62) against beta", 14);
        plot.XLabel("source exponent beta");
        plot.YLabel("time exponent chi");
        plot.Axes.SetLimits(0, 1, 0, 1.05);

        GroupReport first = report.Groups[0];
        string caption =
            $"Fig. 10 ({(quick ? "quick size" : "the paper's size")}): the levels chi_0 = beta (lazy), chi_1 = beta (2 - beta), ... of eq. 62 alternate "
            + "around and converge to 2 beta/(1+beta), the rich exponent of eq. 11. Points: the time exponents fitted to sweeps at gamma = 1 "
            + $"(alpha = 2, N = {first.Config.N}, B = inf, {first.Config.Steps} steps, {first.Seeds} seeds, 95% seed-bootstrap CI): {string.Join("; ", parts)}. "
            + "At finite t and N the measured exponent lies between the first levels and the limit, approaching the limit slowly from below.";
        return new FigureResult([ReportPlots.Render("fig10", "levels", plot)], [new FigureData("fig10-levels.csv", csv.ToString())], caption, rows);
    }

    private static string Spec(string betas, int n, int m, int steps, int seeds) => $$"""
        { "name": "fig10", "model": "projected", "alpha": [2], "beta": {{betas}}, "gamma": [1],
          "N": [{{n}}], "B": ["inf"], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

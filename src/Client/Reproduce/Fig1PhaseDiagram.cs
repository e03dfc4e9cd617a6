using System.Globalization;
using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Theory;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 1: (a) the time exponent chi(beta), lazy (beta) and rich (beta max(1, 2/(1+beta)), eq. 10-11), with the
/// exponents fitted in a coarse sweep over (alpha, beta); (b, c) the phase diagram in the (beta, alpha) plane, hard,
/// easy and super-easy (beta &lt; 1, beta &lt; 2 - 1/alpha, above), lazy and rich, each sweep point coloured by its
/// fitted exponent on the colour scale of the theory and labelled "fit (theory)".
/// </summary>
internal sealed class Fig1PhaseDiagram : PaperFigure
{
    /// <summary>Upper end of the colour scale of chi: the largest exponent of the coarse grid is beta = 2.</summary>
    public const double ChiScale = 2.2;

    private static readonly IColormap Colormap = new ScottPlot.Colormaps.Viridis();

    public override string Name => "fig1";

    public override string Summary => "the time exponent chi(beta) lazy and rich, and the phase diagram in (alpha, beta) with a coarse sweep's fitted exponents";

    public override IReadOnlyList<string> SpecJson(bool quick) =>
    [
        quick
            ? Spec("[1.5, 2, 3]", "[0.3, 0.6, 1.2, 2]", 512, 4000, 3000, 2)
            : Spec("[1.25, 1.5, 2, 2.5, 3, 4]", "[0.2, 0.4, 0.6, 0.8, 1.2, 1.6, 2, 2.5]", 2048, 10000, 10000, 8),
    ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport report = reports[0];
        GroupReport[] fitted = report.Groups.Where(g => g.Fit is not null).ToArray();
        var plots = new List<RenderedPlot> { ExponentPanel(fitted) };
        foreach (bool rich in new[] { false, true })
        {
            plots.Add(PhasePanel(fitted.Where(g => (g.Config.Gamma > 0) == rich).ToArray(), rich));
        }

        var csv = new StringBuilder("alpha,beta,gamma,phase,chi,ci_lo,ci_hi,theory\n");
        var rows = new List<ExponentRow>();
        var off = new List<string>();
        foreach (GroupReport g in fitted)
        {
            FitReport fit = g.Fit!;
            double[] ci = fit.Ci ?? [double.NaN, double.NaN];
            csv.Append(CultureInfo.InvariantCulture, $"{P(g.Config.Alpha)},{P(g.Config.Beta)},{P(g.Config.Gamma)},{g.Theory.Phase},{P(fit.Exponent)},{P(ci[0])},{P(ci[1])},{P(g.Theory.Exponent)}\n");
            rows.Add(new ExponentRow(Name, "time exponent chi", $"alpha {P(g.Config.Alpha)}, beta {P(g.Config.Beta)}, gamma {P(g.Config.Gamma)}", fit.Exponent, fit.Ci, g.Theory.Exponent, g.Config.Gamma > 0 ? "eq. 11" : "eq. 10"));
            if (Math.Abs(fit.Exponent / g.Theory.Exponent - 1) > 0.1)
            {
                off.Add($"alpha {P(g.Config.Alpha)}, beta {P(g.Config.Beta)}, gamma {P(g.Config.Gamma)}: {Fit(g)} against {X(g.Theory.Exponent)}");
            }
        }

        GroupReport first = report.Groups[0];
        int within = fitted.Length - off.Count;
        string caption =
            $"Fig. 1 ({(quick ? "quick size" : "the paper's size")}): (a) the time exponent of L ~ t^-chi against beta, lazy chi = beta and rich "
            + "chi = beta max(1, 2/(1+beta)) (eq. 10-11), with the exponents fitted to a coarse sweep "
            + $"(alpha in {{{string.Join(", ", report.Groups.Select(g => P(g.Config.Alpha)).Distinct())}}}, N = {first.Config.N}, B = inf, eta = 0.05, "
            + $"{first.Config.Steps} steps, {first.Seeds} seeds, fit over the last two decades); (b, c) the (beta, alpha) plane with its hard "
            + "(beta < 1), easy (1 < beta < 2 - 1/alpha) and super-easy regions, each sweep point coloured by its fitted exponent on the "
            + $"theory's colour scale and labelled fit (theory). {within} of {fitted.Length} fits are within 10 % of the theory"
            + (off.Count == 0 ? "." : $"; the others: {string.Join("; ", off)} (finite N and t bend the curve: a small N floors the easy tasks, and the rich exponent is approached from below).");
        return new FigureResult(plots, [new FigureData("fig1-exponents.csv", csv.ToString())], caption, rows);
    }

    private static RenderedPlot ExponentPanel(IReadOnlyList<GroupReport> fitted)
    {
        using var plot = new Plot();
        double[] betas = Enumerable.Range(1, 250).Select(i => i / 100.0).ToArray();
        var lazy = plot.Add.ScatterLine(betas, betas.Select(Exponents.ChiLazy).ToArray(), Colors.SteelBlue);
        lazy.LineWidth = 2;
        lazy.LegendText = "lazy: chi = beta (eq. 10, gamma = 0)";
        var rich = plot.Add.ScatterLine(betas, betas.Select(Exponents.ChiRich).ToArray(), Colors.OrangeRed);
        rich.LineWidth = 2;
        rich.LegendText = "rich: chi = beta max(1, 2/(1+beta)) (eq. 11)";
        foreach (GroupReport g in fitted)
        {
            Color color = g.Config.Gamma > 0 ? Colors.OrangeRed : Colors.SteelBlue;
            plot.Add.Marker(g.Config.Beta, g.Fit!.Exponent, g.Config.Gamma > 0 ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, 8, color);
            if (g.Fit.Ci is [double lo, double hi])
            {
                plot.Add.ScatterLine(new[] { g.Config.Beta, g.Config.Beta }, new[] { lo, hi }, color).LineWidth = 1.5f;
            }
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "points: fitted chi with 95% CI (open lazy, filled rich), every alpha of the sweep" });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title("Fig. 1a: the time exponent chi(beta) of L ~ t^-chi, N, B -> inf", 14);
        plot.XLabel("source exponent beta");
        plot.YLabel("time exponent chi");
        plot.Axes.SetLimits(0, 2.5, 0, 2.6);
        return ReportPlots.Render("fig1a", "exponent", plot);
    }

    private static RenderedPlot PhasePanel(IReadOnlyList<GroupReport> fitted, bool rich)
    {
        using var plot = new Plot();
        const double alphaMin = 1.0, alphaMax = 4.2, betaMax = 2.6;
        double[] alphas = Enumerable.Range(0, 33).Select(i => alphaMin + (i * (alphaMax - alphaMin) / 32)).ToArray();
        Region(plot, [new(0, alphaMin), new(1, alphaMin), new(1, alphaMax), new(0, alphaMax)], Colors.IndianRed, "hard: beta < 1");
        Region(plot, [.. alphas.Select(a => new Coordinates(1, a)), .. alphas.Reverse().Select(a => new Coordinates(2 - (1 / a), a))], Colors.SeaGreen, "easy: 1 < beta < 2 - 1/alpha");
        Region(plot, [.. alphas.Select(a => new Coordinates(2 - (1 / a), a)), new(betaMax, alphaMax), new(betaMax, alphaMin)], Colors.SteelBlue, "super-easy: beta > 2 - 1/alpha");
        foreach (GroupReport g in fitted)
        {
            double chi = g.Fit!.Exponent;
            Color color = Colormap.GetColor(Math.Clamp(chi / ChiScale, 0, 1));
            plot.Add.Marker(g.Config.Beta, g.Config.Alpha, MarkerShape.FilledCircle, 16, color);
            var label = plot.Add.Text($"{X(chi)} ({X(g.Theory.Exponent)})", g.Config.Beta + 0.06, g.Config.Alpha);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.MiddleLeft;
        }

        for (int i = 0; i <= 4; i++)
        {
            double chi = i * ChiScale / 4;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"fitted chi = {chi:F2}", MarkerShape = MarkerShape.FilledCircle, MarkerColor = Colormap.GetColor(chi / ChiScale), MarkerSize = 12 });
        }

        plot.ShowLegend(Alignment.UpperRight);
        string regime = rich ? "rich (gamma = 1): chi = beta max(1, 2/(1+beta))" : "lazy (gamma = 0): chi = beta";
        plot.Title($"Fig. 1{(rich ? "c" : "b")}: phases in (beta, alpha), {regime}; points: fit (theory)", 14);
        plot.XLabel("source exponent beta");
        plot.YLabel("capacity exponent alpha");
        plot.Axes.SetLimits(0, betaMax, alphaMin, alphaMax);
        return ReportPlots.Render(rich ? "fig1c" : "fig1b", "phase", plot);
    }

    private static void Region(Plot plot, Coordinates[] corners, Color color, string label)
    {
        var polygon = plot.Add.Polygon(corners);
        polygon.FillColor = color.WithAlpha(0.18);
        polygon.LineColor = color.WithAlpha(0.6);
        polygon.LegendText = label;
    }

    private static string Spec(string alphas, string betas, int n, int m, int steps, int seeds) => $$"""
        { "name": "fig1", "model": "projected", "alpha": {{alphas}}, "beta": {{betas}}, "gamma": [0, 1],
          "N": [{{n}}], "B": ["inf"], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

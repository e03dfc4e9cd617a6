using System.Globalization;
using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Theory;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 11-12: the two-layer linear network of Appendix G (alpha 2, N 100, B 128), easy (beta 1.2) and hard (0.2),
/// gamma_0 from 1e-3 to 1. Fig. 11: the loss against t, with the rate 2 beta/(1+beta) the paper observes for hard
/// tasks. Fig. 12: the spike |w|^2 / N against t, which grows like t^(1 - 2 beta/(1+beta)) for beta &lt; 1 and levels
/// off for beta &gt; 1; its growth exponent fitted over the last decade beside that line.
/// </summary>
internal sealed class Fig11LinearNetwork : PaperFigure
{
    public override string Name => "fig11-12";

    public override string Summary => "the linear network of Appendix G: its loss (Fig. 11) and the growth of |w|^2/N (Fig. 12) against theory";

    public override IReadOnlyList<string> SpecJson(bool quick) =>
    [
        quick ? Spec("[0.001, 0.01, 0.1, 1]", 4000, 3000, 4) : Spec("[0.001, 0.01, 0.1, 1]", 10000, 30000, 16),
    ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport report = reports[0];
        var plots = new List<RenderedPlot>();
        IReadOnlyList<LossPanel> panels = ReportPlots.LossPanels(report);
        string[] letters = ["a", "b"];
        for (int i = 0; i < panels.Count && i < letters.Length; i++)
        {
            GroupReport first = panels[i].Groups[0];
            LossPanel panel = panels[i] with
            {
                BaseName = "fig11" + letters[i],
                Title = $"Fig. 11{letters[i]}: linear network, alpha=2 beta={P(first.Config.Beta)} N={first.Config.N} B={first.Config.B} eta={P(first.Config.Eta)}; one line per gamma_0",
            };
            using Plot? plot = LossPlot.Create(panel);
            if (plot is not null)
            {
                plots.Add(ReportPlots.Render(panel.BaseName, "loss", plot));
            }
        }

        var rows = new List<ExponentRow>();
        var parts = new List<string>();
        var csv = new StringBuilder("beta,gamma0,step,loss_mean,loss_sem,weight_norm_mean,weight_norm_sem\n");
        int letter = 0;
        foreach (IGrouping<double, GroupReport> task in report.Groups.GroupBy(g => g.Config.Beta))
        {
            double beta = task.Key;
            double growth = beta < 1 ? 1 - Exponents.ChiRich(beta) : 0;
            using var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            var bounds = new Bounds();
            var fits = new List<string>();
            int i = 0;
            foreach (GroupReport g in task)
            {
                Color color = palette.GetColor(i++);
                if (g.WeightNormMean is not { } norm || g.WeightNormSem is not { } sem)
                {
                    continue;
                }

                double[] x = g.Steps.Where((t, k) => t >= 1 && norm[k] > 0).Select(t => Math.Log10(t)).ToArray();
                double[] y = g.Steps.Select((t, k) => (t, k)).Where(p => p.t >= 1 && norm[p.k] > 0).Select(p => Math.Log10(norm[p.k])).ToArray();
                var line = plot.Add.ScatterLine(x, y, color);
                line.LineWidth = 2;
                double slope = LastDecadeSlope(x, y);
                line.LegendText = $"gamma_0 = {P(g.Config.Gamma)}: |w|^2/N ~ t^{X(slope)} over the last decade";
                fits.Add($"{X(slope)} at gamma_0 = {P(g.Config.Gamma)}");
                if (g.Config.Gamma == task.Max(t => t.Config.Gamma))
                {
                    // App. G's growth is the rich regime's; a small gamma_0 stays lazy over the run, and its row would compare with nothing.
                    rows.Add(new ExponentRow(Name, "growth of |w|^2/N", $"beta {P(beta)}, gamma_0 {P(g.Config.Gamma)}", slope, null, growth, beta < 1 ? "App. G: 1 - 2 beta/(1+beta)" : "App. G: plateau"));
                }

                bounds.Add(x, y);
                for (int k = 0; k < g.Steps.Length; k++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{P(beta)},{P(g.Config.Gamma)},{g.Steps[k]},{P(g.Mean[k])},{P(g.Sem[k])},{P(norm[k])},{P(sem[k])}\n");
                }

                // The table: the richest gamma_0 against App. G.2's rate and the laziest against the lazy t^-beta.
                bool richest = g.Config.Gamma == task.Max(t => t.Config.Gamma), laziest = g.Config.Gamma == task.Min(t => t.Config.Gamma);
                if (g.Fit is { } fit && (richest || laziest))
                {
                    rows.Add(richest
                        ? new ExponentRow(Name, "time exponent chi", $"linear network, beta {P(beta)}, gamma_0 {P(g.Config.Gamma)}", fit.Exponent, fit.Ci, g.Theory.Exponent, "App. G.2 (observed rate)")
                        : new ExponentRow(Name, "time exponent chi", $"linear network, beta {P(beta)}, gamma_0 {P(g.Config.Gamma)}", fit.Exponent, fit.Ci, beta, "lazy limit, eq. 10"));
                }
            }

            if (bounds.IsEmpty)
            {
                continue;
            }

            // The theory line through the largest gamma_0's last point.
            GroupReport rich = task.MaxBy(g => g.Config.Gamma)!;
            if (rich.WeightNormMean is { } richNorm && richNorm[^1] > 0)
            {
                double x1 = Math.Log10(rich.Steps[^1]), x0 = x1 - 2, y1 = Math.Log10(richNorm[^1]) - 0.3;
                var guide = plot.Add.ScatterLine(new[] { x0, x1 }, new[] { y1 - (growth * 2), y1 }, Colors.Gray);
                guide.LineWidth = 2;
                guide.LinePattern = LinePattern.Dotted;
            }

            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = beta < 1 ? $"dotted: t^{X(growth)} = t^(1 - 2 beta/(1+beta)), App. G" : "dotted: a plateau, t^0 (beta > 1, App. G)",
                LineColor = Colors.Gray, LinePattern = LinePattern.Dotted, LineWidth = 2,
            });
            plot.ShowLegend(Alignment.UpperLeft);
            string l = letters[Math.Min(letter++, letters.Length - 1)];
            plot.Title($"Fig. 12{l}: the spike |w|^2/N of the linear network, beta={P(beta)} ({(beta < 1 ? "hard" : "easy")})", 14);
            plot.XLabel("step t");
            plot.YLabel("|w|^2 / N");
            LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
            plots.Add(ReportPlots.Render("fig12" + l, "weight-norm", plot));
            parts.Add($"beta = {P(beta)}: |w|^2/N grows as t^({string.Join(", ", fits)}) over the last decade against {(beta < 1 ? $"t^{X(growth)}" : "a plateau")}");
        }

        GroupReport any = report.Groups[0];
        string chis = string.Join("; ", report.Groups.Where(g => g.Fit is not null).Select(g => $"beta {P(g.Config.Beta)}, gamma_0 {P(g.Config.Gamma)}: {Fit(g)}"));
        string caption =
            $"Fig. 11-12 ({(quick ? "quick size" : "the paper's size")}): the linear network of Appendix G, alpha = 2, N = {any.Config.N}, B = {any.Config.B}, "
            + $"eta = {P(any.Config.Eta)}, M = {any.Config.M}, {any.Config.Steps} steps, {any.Seeds} seeds. Fig. 11, the fitted time exponents: {chis} "
            + "(the paper observes t^-2beta/(1+beta) for hard tasks at large gamma_0 and the lazy t^-beta for easy ones; a small gamma_0 stays lazy over this time). "
            + $"Fig. 12, the spike: {string.Join("; ", parts)}."
            + (quick ? " The paper's size (without --quick) runs M = 10^4, 3 x 10^4 steps and 16 seeds." : string.Empty);
        return new FigureResult(plots, [new FigureData("fig11-12-curves.csv", csv.ToString())], caption, rows);
    }

    /// <summary>Least-squares slope of log |w|^2/N against log t over the last decade of recorded steps.</summary>
    internal static double LastDecadeSlope(double[] x, double[] y)
    {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        double from = x.Length == 0 ? 0 : x[^1] - 1;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] >= from - 1e-12)
            {
                n++;
                sx += x[i];
                sy += y[i];
                sxx += x[i] * x[i];
                sxy += x[i] * y[i];
            }
        }

        double d = (n * sxx) - (sx * sx);
        return n < 2 || d == 0 ? double.NaN : ((n * sxy) - (sx * sy)) / d;
    }

    private static string Spec(string gammas, int m, int steps, int seeds) => $$"""
        { "name": "fig11-12", "model": "linear-network", "alpha": [2], "beta": [1.2, 0.2], "gamma": {{gammas}},
          "N": [100], "B": [128], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

using System.Globalization;
using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// The model-size floor (issue of the paper's eq. 12): the exact t -&gt; infinity loss of the projected model against
/// N, one panel per alpha and a colour per beta, beside the last recorded loss of lazy runs, with both exponents
/// drawn from the smallest width: the paper's alpha min(2, beta) and alpha min(1, beta), which the exact floor
/// follows for beta &gt; 1 (docs/numerics.md). The same numbers as `scalesweep theory --floor`, here from a sweep's
/// report, so they are the floors under the very runs in the panel.
/// </summary>
internal sealed class FloorFigure : PaperFigure
{
    public override string Name => "floor";

    public override string Summary => "the model-size floor L(t -> inf) against N beside alpha min(2, beta) (eq. 12) and alpha min(1, beta)";

    public override IReadOnlyList<string> SpecJson(bool quick) =>
    [
        quick
            ? Spec("[16, 32, 64, 128, 256]", 20000, 20000, 4)
            : Spec("[16, 32, 64, 128, 256, 512]", 30000, 100000, 8),
    ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport report = reports[0];
        var plots = new List<RenderedPlot>();
        var rows = new List<ExponentRow>();
        var parts = new List<string>();
        var csv = new StringBuilder("alpha,beta,N,floor_mean,floor_sem,last_loss_mean,last_loss_sem,last_step\n");
        string[] letters = ["a", "b", "c", "d"];
        int panel = 0;
        foreach (IGrouping<double, FloorScalingReport> byAlpha in report.Floors.GroupBy(f => f.Config.Alpha))
        {
            double alpha = byAlpha.Key;
            using var plot = new Plot();
            var palette = new ScottPlot.Palettes.Category10();
            var bounds = new Bounds();
            int colour = 0;
            foreach (FloorScalingReport floor in byAlpha.OrderBy(f => f.Config.Beta))
            {
                double beta = floor.Config.Beta;
                Color color = palette.GetColor(colour++);
                FloorPointReport[] points = [.. floor.Points.Where(p => p.Mean > 0).OrderBy(p => p.N)];
                if (points.Length == 0)
                {
                    continue;
                }

                double[] x = points.Select(p => Math.Log10(p.N)).ToArray();
                double[] y = points.Select(p => Math.Log10(p.Mean)).ToArray();
                var line = plot.Add.ScatterLine(x, y, color);
                line.LineWidth = 2;
                line.MarkerShape = MarkerShape.FilledCircle;
                line.MarkerSize = 7;
                line.LegendText = $"beta={P(beta)}: exact floor, N^-{(floor.Exponent is { } e ? WithCi(e, floor.Ci) : "?")}";
                bounds.Add(x, y);

                // The lazy runs' last recorded loss: above the floor, and on it where the width has converged.
                foreach (GroupReport g in report.Groups.Where(g => g.Config.Alpha == alpha && g.Config.Beta == beta && g.Mean.Length > 0).OrderBy(g => g.Config.N))
                {
                    double last = g.Mean[^1];
                    if (last > 0)
                    {
                        plot.Add.Marker(Math.Log10(g.Config.N), Math.Log10(last), MarkerShape.OpenCircle, 11, color);
                        bounds.Add([Math.Log10(g.Config.N)], [Math.Log10(last)]);
                    }

                    FloorPointReport? point = floor.Points.FirstOrDefault(p => p.N == g.Config.N);
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{P(alpha)},{P(beta)},{g.Config.N},{(point is null ? "" : P(point.Mean))},{(point?.Sem is { } s ? P(s) : "")},{P(last)},{P(g.Sem[^1])},{g.Steps[^1]}\n");
                }

                // Both exponents as lines through the smallest width's floor, a decade and a half long.
                double x0 = x[0], y0 = y[0], x1 = x[^1];
                var corrected = plot.Add.ScatterLine(new[] { x0, x1 }, new[] { y0, y0 - (floor.CorrectedExponent * (x1 - x0)) }, color);
                corrected.LineWidth = 1;
                if (floor.PaperExponent != floor.CorrectedExponent)
                {
                    var paper = plot.Add.ScatterLine(new[] { x0, x1 }, new[] { y0, y0 - (floor.PaperExponent * (x1 - x0)) }, color);
                    paper.LineWidth = 2;
                    paper.LinePattern = LinePattern.Dotted;
                }

                string measured = floor.Exponent is { } m ? WithCi(m, floor.Ci) : $"no fit ({floor.Reason})";
                parts.Add(floor.PaperExponent == floor.CorrectedExponent
                    ? $"alpha = {P(alpha)}, beta = {P(beta)}: x = {measured} against alpha beta = {X(floor.PaperExponent)} (eq. 12)"
                    : $"alpha = {P(alpha)}, beta = {P(beta)}: x = {measured} against alpha min(1, beta) = {X(floor.CorrectedExponent)} and the paper's alpha min(2, beta) = {X(floor.PaperExponent)}");
                if (floor.Exponent is { } exponent)
                {
                    string setting = $"alpha {P(alpha)}, beta {P(beta)}, N {points[0].N}..{points[^1].N}";
                    rows.Add(new ExponentRow(Name, "floor exponent x, L(t->inf) ~ N^-x", setting, exponent, floor.Ci, floor.PaperExponent, "eq. 12: alpha min(2, beta)"));
                    if (floor.PaperExponent != floor.CorrectedExponent)
                    {
                        rows.Add(new ExponentRow(Name, "floor exponent x, L(t->inf) ~ N^-x", setting, exponent, floor.Ci, floor.CorrectedExponent, "alpha min(1, beta) (docs/numerics.md)"));
                    }
                }
            }

            if (bounds.IsEmpty)
            {
                continue;
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "open circles: lazy runs' loss at the last step", MarkerShape = MarkerShape.OpenCircle, MarkerColor = Colors.Gray, MarkerSize = 11 });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "thin: N^-alpha min(1, beta)", LineColor = Colors.Gray, LineWidth = 1 });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dotted: N^-alpha min(2, beta), eq. 12 (beta > 1)", LineColor = Colors.Gray, LineWidth = 2, LinePattern = LinePattern.Dotted });
            plot.ShowLegend(Alignment.LowerLeft);
            string letter = letters[Math.Min(panel++, letters.Length - 1)];
            GroupReport any = report.Groups.First(g => g.Config.Alpha == alpha);
            plot.Title($"Model-size floor, alpha={P(alpha)}: exact t -> inf loss against N (M={any.Config.M}, {any.Seeds} seeds)", 14);
            plot.XLabel("width N");
            plot.YLabel("loss");
            LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
            LogAxes.BottomTicksAt(plot, report.Groups.Where(g => g.Config.Alpha == alpha).Select(g => Math.Log10(g.Config.N)).Distinct());
            plots.Add(ReportPlots.Render("floor-" + letter, "floor", plot));
        }

        GroupReport first = report.Groups[0];
        string caption =
            $"The model-size floor ({(quick ? "quick size" : "full size")}): the exact t -> inf loss of the projected model, c0 - b^T K^-1 b "
            + $"(the best predictor on each seed's N features), seed mean over {first.Seeds} seeds at M = {first.Config.M}, fitted as N^-x with a 95% "
            + $"seed-bootstrap CI: {string.Join("; ", parts)}. "
            + "For beta < 1 the floor follows the paper's alpha beta; for beta > 1 it follows alpha min(1, beta), not eq. 12's alpha min(2, beta): "
            + "eq. 76 drops the variance that the modes beyond N add to the N features (tail mass ~ N^(1 - alpha)), an error of order N^-alpha "
            + "once beta > 1 (docs/numerics.md, where the same fit over N = 16..1024 at M = 10^5 gives 1.94 at alpha 2, beta 1.2 and 1.41 at alpha 1.5). "
            + $"Open circles: the lazy runs' loss at step {first.Config.Steps} (eta = {P(first.Config.Eta)}), on the floor where N has converged and above it where it has not."
            + (quick ? " The full size (without --quick) runs N to 512, M = 30000, 10^5 steps and 8 seeds." : string.Empty);
        if (report.FloorsSkipped is { } skipped)
        {
            caption += $" No floors: {skipped}";
        }

        return new FigureResult(plots, [new FigureData("floor.csv", csv.ToString())], caption, rows);
    }

    private static string Spec(string widths, int m, int steps, int seeds) => $$"""
        { "name": "floor", "model": "projected", "alpha": [2, 1.5], "beta": [0.4, 1.2, 1.5], "gamma": [0],
          "N": {{widths}}, "B": ["inf"], "eta": 0.5, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

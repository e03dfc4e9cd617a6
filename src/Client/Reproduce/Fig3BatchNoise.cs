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
/// Fig. 3: SGD transients in the rich regime. Loss against t for batch sizes B = 1 .. 64 (and the population
/// gradient), hard (beta 0.5) and super-easy (beta 3.6) task, with eq. 9's four terms, their exponents as
/// predicted and their prefactors fitted once per task over every B (<see cref="TermPrefactorFit"/>): the
/// fitted sum dotted beside each curve, and for the smallest B each term apart in grey.
/// </summary>
internal sealed class Fig3BatchNoise : PaperFigure
{
    /// <summary>First step fitted: the terms are large-t asymptotes.</summary>
    public const long FromStep = 10;

    public override string Name => "fig3";

    public override string Summary => "SGD noise: loss against t for B = 1..64, hard and super-easy, with eq. 9's terms (fitted prefactors)";

    public override IReadOnlyList<string> SpecJson(bool quick) =>
    [
        quick
            ? Spec("[1, 4, 16, 64, \"inf\"]", 256, 2000, 3000, 4)
            : Spec("[1, 2, 4, 8, 16, 32, 64, \"inf\"]", 1024, 10000, 10000, 16),
    ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport report = reports[0];
        var plots = new List<RenderedPlot>();
        var parts = new List<string>();
        var csv = new StringBuilder("beta,B,step,mean,sem,fit_total,gradient_flow,model_bottleneck,finite_n,sgd\n");
        string[] letters = ["a", "b"];
        int panel = 0;
        foreach (IGrouping<double, GroupReport> task in report.Groups.GroupBy(g => g.Config.Beta))
        {
            GroupReport[] groups = task.Where(g => g.Steps.Length > 0).OrderBy(g => g.Config.B ?? long.MaxValue).ToArray();
            if (groups.Length == 0)
            {
                continue;
            }

            GroupReport first = groups[0];
            double alpha = first.Config.Alpha, beta = task.Key, gamma = first.Config.Gamma, eta = first.Config.Eta, n = first.Config.N;
            TermPrefactorFitResult fit = TermPrefactorFit.Fit(
                groups.Select(g => (g.Steps, g.Mean, n, Batch(g))).ToArray(), alpha, beta, gamma, eta, FromStep);
            string phase = first.Theory.Phase.Split(';')[0];
            string letter = panel < letters.Length ? letters[panel] : (panel + 1).ToString(CultureInfo.InvariantCulture);
            plots.Add(Panel(groups, fit, $"fig3{letter}", $"Fig. 3{letter}: {phase} beta={P(beta)} alpha={P(alpha)} gamma={P(gamma)} N={n} eta={P(eta)}; eq. 9 terms, fitted prefactors"));
            panel++;

            foreach (GroupReport g in groups)
            {
                for (int i = 0; i < g.Steps.Length; i++)
                {
                    if (g.Steps[i] < 1)
                    {
                        continue;
                    }

                    PowerLawTerms terms = fit.At(g.Steps[i], alpha, beta, gamma, n, Batch(g), eta);
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{P(beta)},{(g.Config.B is { } b ? b.ToString(CultureInfo.InvariantCulture) : "inf")},{g.Steps[i]},{P(g.Mean[i])},{P(g.Sem[i])},{P(terms.Total)},{P(terms.GradientFlow)},{P(terms.ModelBottleneck)},{P(terms.FiniteNTransient)},{P(terms.SgdTransient)}\n");
                }
            }

            GroupReport smallest = groups[0];
            long last = smallest.Steps[^1];
            PowerLawTerms late = fit.At(last, alpha, beta, gamma, n, Batch(smallest), eta);
            string dominant = Dominant(late);
            parts.Add(
                $"{phase} beta = {P(beta)}: prefactors a = {G(fit.GradientFlow)} (t^-{X(beta * Exponents.TimeAcceleration(beta, gamma))}), "
                + $"b = {G(fit.ModelBottleneck)}, c = {G(fit.FiniteNTransient)} ((1/N) t^-{X((1 - (1 / alpha)) * Exponents.TimeAcceleration(beta, gamma))}), "
                + $"d = {G(fit.SgdTransient)} ((eta/B) t^-{X((2 - (1 / alpha)) * Exponents.TimeAcceleration(beta, gamma))}); "
                + $"the fit's rms relative error over {fit.Points} points is {100 * fit.RmsRelativeError:F1} %; at B = {smallest.Config.B?.ToString(CultureInfo.InvariantCulture) ?? "inf"} "
                + $"and t = {last} the {dominant} term dominates");
        }

        GroupReport any = report.Groups[0];
        string caption =
            $"Fig. 3 ({(quick ? "quick size" : "the paper's size")}): SGD noise in the rich regime, loss against t at batch sizes "
            + $"{string.Join(", ", report.Groups.Select(g => g.Config.B?.ToString(CultureInfo.InvariantCulture) ?? "inf").Distinct())} "
            + $"(N = {any.Config.N}, M = {any.Config.M}, {any.Config.Steps} steps, {any.Seeds} seeds). Eq. 9's exponents are the paper's; its four "
            + $"prefactors are fitted once per task, shared by every B, from t = {FromStep} on: {string.Join(". ", parts)}. "
            + "For the hard task the batch noise changes little (the curves gather as B grows, towards t^-2beta/(1+beta)); for the super-easy one "
            + "a small batch leaves gradient flow for the SGD-noise scaling (1/B) t^-(2-1/alpha) and then the finite-N transient (1/N) t^-(1-1/alpha)."
            + (quick ? " The paper's size (without --quick) runs B = 1, 2, ..., 64, N = 1024, 10^4 steps and 16 seeds." : string.Empty);
        return new FigureResult(plots, [new FigureData("fig3-curves.csv", csv.ToString())], caption, []);
    }

    private static RenderedPlot Panel(IReadOnlyList<GroupReport> groups, TermPrefactorFitResult fit, string name, string title)
    {
        using var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bounds = new Bounds();
        for (int i = 0; i < groups.Count; i++)
        {
            GroupReport g = groups[i];
            GroupReport c = g;
            LogCurve curve = LogLog.Of(g);
            if (curve.IsEmpty)
            {
                continue;
            }

            Color color = palette.GetColor(i);
            var band = plot.Add.FillY(curve.X, curve.Lower, curve.Upper);
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(curve.X, curve.Y, color);
            line.LineWidth = 2;
            line.LegendText = $"B = {c.Config.B?.ToString(CultureInfo.InvariantCulture) ?? "inf"}";
            bounds.Add(curve.X, curve.Y);

            double[] fitted = curve.X.Select(x => Math.Log10(fit.At(Math.Pow(10, x), c.Config.Alpha, c.Config.Beta, c.Config.Gamma, c.Config.N, Batch(c), c.Config.Eta).Total)).ToArray();
            var dotted = plot.Add.ScatterLine(curve.X, fitted, color);
            dotted.LineWidth = 2;
            dotted.LinePattern = LinePattern.Dotted;
        }

        GroupReport smallest = groups[0];
        double[] xs = LogLog.Of(smallest).X;
        (string Name, Func<PowerLawTerms, double> Of)[] terms =
        [
            ("gradient flow", t => t.GradientFlow), ("model bottleneck", t => t.ModelBottleneck),
            ("finite-N transient", t => t.FiniteNTransient), ("SGD transient", t => t.SgdTransient),
        ];
        foreach ((string label, Func<PowerLawTerms, double> of) in terms)
        {
            double[] y = xs.Select(x => of(fit.At(Math.Pow(10, x), smallest.Config.Alpha, smallest.Config.Beta, smallest.Config.Gamma, smallest.Config.N, Batch(smallest), smallest.Config.Eta))).ToArray();
            if (y.All(v => !(v > 0)))
            {
                continue;
            }

            double[] logY = y.Select(v => v > 0 ? Math.Log10(v) : double.NaN).ToArray();
            var term = plot.Add.ScatterLine(xs, logY, Colors.Gray.WithAlpha(0.8));
            term.LineWidth = 1;
            var end = plot.Add.Text(label, xs[^1], logY[^1]);
            end.LabelFontSize = 11;
            end.LabelFontColor = Colors.DimGray;
            end.LabelAlignment = Alignment.LowerRight;
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dotted: eq. 9 with fitted prefactors; grey: its terms at the smallest B", LineColor = Colors.Gray, LinePattern = LinePattern.Dotted, LineWidth = 2 });
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(title, 14);
        plot.XLabel("step t");
        plot.YLabel("loss L");
        LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
        plot.Axes.SetLimitsY(bounds.YMin - 0.5, bounds.YMax + 0.3);
        return ReportPlots.Render(name, "loss", plot);
    }

    private static double Batch(GroupReport g) => g.Config.B is { } b ? b : double.PositiveInfinity;

    private static string Dominant(PowerLawTerms t)
    {
        (string Name, double Value)[] all = [("gradient-flow", t.GradientFlow), ("model-bottleneck", t.ModelBottleneck), ("finite-N", t.FiniteNTransient), ("SGD-noise", t.SgdTransient)];
        return all.MaxBy(a => a.Value).Name;
    }

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Spec(string batches, int n, int m, int steps, int seeds) => $$"""
        { "name": "fig3", "model": "projected", "alpha": [2], "beta": [0.5, 3.6], "gamma": [1],
          "N": [{{n}}], "B": {{batches}}, "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

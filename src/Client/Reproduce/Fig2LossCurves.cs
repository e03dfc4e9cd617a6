using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 2: loss against t for the hard (beta 0.4) and easy (beta 1.2) task at alpha 2. (a, b): gamma from lazy
/// to rich at a width large enough to stand for N, B -> infinity, with the DMFT of eq. 43-44 dashed; (c, d): rich
/// (gamma 1) at N = 16 upwards, where the width sets a floor (the model bottleneck).
/// </summary>
internal sealed class Fig2LossCurves : PaperFigure
{
    public override string Name => "fig2";

    public override string Summary => "loss against t: gamma from lazy to rich at N, B -> inf with the DMFT (a, b); finite N, the model bottleneck (c, d)";

    public override IReadOnlyList<string> SpecJson(bool quick) => quick
        ?
        [
            Infinite("[0, 0.25, 0.5, 1]", 512, 4000, 3000, 4),
            Widths("[16, 32, 64, 128, 256]", 4000, 3000, 4),
        ]
        :
        [
            Infinite("[0, 0.125, 0.25, 0.5, 1, 2]", 2048, 10000, 10000, 32),
            Widths("[16, 32, 64, 128, 256, 512, 1024, 2048]", 10000, 10000, 32),
        ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport infinite = reports[0], widths = reports[1];
        var plots = new List<RenderedPlot>();
        AddPanels(plots, infinite, ["a", "b"], $"N={infinite.Groups[0].Config.N} for N -> inf");
        AddPanels(plots, widths, ["c", "d"], "gamma=1, finite N");

        var rows = new List<ExponentRow>();
        var parts = new List<string>();
        foreach (double beta in new[] { 0.4, 1.2 })
        {
            GroupReport[] groups = infinite.Groups.Where(g => g.Config.Beta == beta).ToArray();
            foreach (GroupReport g in groups)
            {
                if (g.Fit is { } fit)
                {
                    rows.Add(new ExponentRow(Name, "time exponent chi", $"beta {P(beta)}, gamma {P(g.Config.Gamma)}, N {g.Config.N}", fit.Exponent, fit.Ci, g.Theory.Exponent, g.Config.Gamma > 0 ? "eq. 11 (rich)" : "eq. 10 (lazy)"));
                }
            }

            string fits = List(groups.Select(g => $"{Fit(g)} at gamma {P(g.Config.Gamma)} (theory {X(g.Theory.Exponent)})").ToArray());
            parts.Add($"beta = {P(beta)}: fitted chi {fits}");
        }

        string dmft = DmftAgreement(infinite);
        var frontierParts = new List<string>();
        foreach (FrontierReport f in widths.Frontiers)
        {
            string measured = f.Exponent is { } e ? WithCi(e, f.Ci) : $"no fit ({f.Reason})";
            frontierParts.Add($"beta = {P(f.Config.Beta)}: r_C = {measured} against Table 1's {X(f.Theory.Exponent)}");
            if (f.Exponent is { } r)
            {
                rows.Add(new ExponentRow(Name, "compute-optimal r_C", $"beta {P(f.Config.Beta)}, gamma {P(f.Config.Gamma)}, N {widths.Groups.Min(g => g.Config.N)}..{widths.Groups.Max(g => g.Config.N)}", r, f.Ci, f.Theory.Exponent, "Table 1"));
            }
        }

        GroupReport first = infinite.Groups[0];
        string caption =
            $"Fig. 2 ({(quick ? "quick size" : "the paper's size")}): alpha = 2, B = inf, eta = 0.05, M = {first.Config.M}, {first.Config.Steps} steps, {first.Seeds} seeds. "
            + $"(a, b) N = {first.Config.N} stands for N -> inf: {string.Join("; ", parts)}. "
            + "Feature learning speeds up the hard task towards 2 beta/(1+beta) and leaves the easy one at beta. "
            + $"{dmft} "
            + $"(c, d) gamma = 1, N = {widths.Groups.Min(g => g.Config.N)}..{widths.Groups.Max(g => g.Config.N)}: each width levels off at its floor; "
            + $"the compute-optimal frontier over these widths gives {string.Join("; ", frontierParts)}."
            + (quick ? " The paper's size (without --quick) has 6 gammas to 2, N to 2048, 10^4 steps and 32 seeds." : string.Empty);

        FigureData[] data =
        [
            new("fig2-curves.csv", CurvesCsv.Serialize(infinite) + Body(CurvesCsv.Serialize(widths))),
            new("fig2-theory.csv", infinite.TheoryCurves.Length > 0 ? TheoryCsv.Serialize(infinite) : TheoryCsv.Header + "\n"),
        ];
        return new FigureResult(plots, data, caption, rows);
    }

    /// <summary>The loss panels of a report (one per beta), renamed fig2a, fig2b, ... and titled as the figure.</summary>
    private static void AddPanels(List<RenderedPlot> plots, SweepReport report, string[] letters, string what)
    {
        IReadOnlyList<LossPanel> panels = ReportPlots.LossPanels(report);
        for (int i = 0; i < panels.Count && i < letters.Length; i++)
        {
            GroupReport first = panels[i].Groups[0];
            string title = $"Fig. 2{letters[i]}: alpha=2 beta={P(first.Config.Beta)} B=inf, {what}; one line per {panels[i].Series.Name}, mean +- SEM";
            LossPanel panel = panels[i] with { BaseName = "fig2" + letters[i], Title = title };
            using ScottPlot.Plot? plot = LossPlot.Create(panel);
            if (plot is not null)
            {
                plots.Add(ReportPlots.Render(panel.BaseName, "loss", plot));
            }
        }
    }

    /// <summary>
    /// How far the seed means are from their DMFT curves, per beta: the largest relative distance over the gammas at
    /// t = 10, 100, 1000 and the last step. The N -> inf theory leaves out the finite-N terms that the stand-in width
    /// adds late, so the distance is given by time rather than as one number.
    /// </summary>
    private static string DmftAgreement(SweepReport report)
    {
        Dictionary<string, DmftCurveReport> curves = report.TheoryCurves.Where(c => c.Status == "completed").ToDictionary(c => c.Key, StringComparer.Ordinal);
        if (curves.Count == 0)
        {
            return "No DMFT curve was solved.";
        }

        var parts = new List<string>();
        foreach (IGrouping<double, GroupReport> byBeta in report.Groups.GroupBy(g => g.Config.Beta))
        {
            long last = byBeta.First().Steps.LastOrDefault();
            var atTimes = new List<string>();
            foreach (long t in new long[] { 10, 100, 1000, last }.Distinct().Where(t => t <= last))
            {
                double worst = 0;
                foreach (GroupReport g in byBeta)
                {
                    int i = Array.IndexOf(g.Steps, t);
                    if (i >= 0 && g.TheoryCurve is { } key && curves.TryGetValue(key, out DmftCurveReport? curve)
                        && Array.IndexOf(curve.Steps, t) is var k and >= 0 && curve.Loss[k] > 0)
                    {
                        worst = Math.Max(worst, Math.Abs(g.Mean[i] / curve.Loss[k] - 1));
                    }
                }

                atTimes.Add($"{100 * worst:F1} % at t = {t}");
            }

            parts.Add($"beta = {P(byBeta.Key)}: {string.Join(", ", atTimes)}");
        }

        return "The DMFT curves (eq. 43-44, N, B -> inf, dashed) against the seed means, largest relative distance over the gammas: "
            + string.Join("; ", parts) + ". Late the finite width shows (the 1/N transient and floor of eq. 9 that N -> inf leaves out), most where the loss is smallest.";
    }

    private static string Body(string csv) => csv[(csv.IndexOf('\n') + 1)..];

    private static string Infinite(string gammas, int n, int m, int steps, int seeds) => $$"""
        { "name": "fig2ab", "model": "projected", "alpha": [2], "beta": [0.4, 1.2], "gamma": {{gammas}},
          "N": [{{n}}], "B": ["inf"], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}}, "theory": "infinite" }
        """;

    private static string Widths(string widths, int m, int steps, int seeds) => $$"""
        { "name": "fig2cd", "model": "projected", "alpha": [2], "beta": [0.4, 1.2], "gamma": [1],
          "N": {{widths}}, "B": ["inf"], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

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
        AddPanels(plots, infinite, ["a", "b"], "N, B -> inf stand-in");
        AddPanels(plots, widths, ["c", "d"], "finite N");

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
            LossPanel panel = panels[i] with { BaseName = "fig2" + letters[i], Title = $"Fig. 2{letters[i]} ({what}): " + panels[i].Title };
            using ScottPlot.Plot? plot = LossPlot.Create(panel);
            if (plot is not null)
            {
                plots.Add(ReportPlots.Render(panel.BaseName, "loss", plot));
            }
        }
    }

    /// <summary>The largest relative distance between the seed means and their DMFT curves from t = 10 on.</summary>
    private static string DmftAgreement(SweepReport report)
    {
        Dictionary<string, DmftCurveReport> curves = report.TheoryCurves.Where(c => c.Status == "completed").ToDictionary(c => c.Key, StringComparer.Ordinal);
        double worst = 0;
        string where = string.Empty;
        foreach (GroupReport g in report.Groups)
        {
            if (g.TheoryCurve is not { } key || !curves.TryGetValue(key, out DmftCurveReport? curve))
            {
                continue;
            }

            for (int i = 0; i < g.Steps.Length; i++)
            {
                int k = Array.IndexOf(curve.Steps, g.Steps[i]);
                if (g.Steps[i] >= 10 && k >= 0 && curve.Loss[k] > 0)
                {
                    double gap = Math.Abs(g.Mean[i] / curve.Loss[k] - 1);
                    if (gap > worst)
                    {
                        worst = gap;
                        where = $"beta {P(g.Config.Beta)}, gamma {P(g.Config.Gamma)}, t = {g.Steps[i]}";
                    }
                }
            }
        }

        return curves.Count == 0
            ? "No DMFT curve was solved."
            : $"The DMFT curves (eq. 43-44, dashed) are at most {100 * worst:F1} % from the seed means from t = 10 on (largest at {where}; at finite N the simulation lies above the N -> inf theory late).";
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

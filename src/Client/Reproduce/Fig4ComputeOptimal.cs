using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 4: compute-optimal scaling L*(C) ~ C^-r_C with C = N t, for the hard (beta 0.5), easy (1.25) and
/// super-easy (1.75) task at alpha 2, rich (gamma 0.75, the paper's) beside lazy, with Table 1's r_C.
/// </summary>
internal sealed class Fig4ComputeOptimal : PaperFigure
{
    public override string Name => "fig4";

    public override string Summary => "compute-optimal frontiers L*(C), C = N t, hard, easy and super-easy, lazy and rich, against Table 1";

    public override IReadOnlyList<string> SpecJson(bool quick) =>
    [
        quick
            ? Spec("[16, 32, 64, 128, 256]", 4000, 30000, 4)
            : Spec("[16, 32, 64, 128, 256, 512, 1024]", 10000, 100000, 16),
    ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport report = reports[0];
        var plots = new List<RenderedPlot>();
        var rows = new List<ExponentRow>();
        var parts = new List<string>();
        foreach (FrontierReport frontier in report.Frontiers)
        {
            FrontierConfigText(frontier, out string phase, out string name);
            GroupReport[] widths = report.Groups
                .Where(g => g.Config.Beta == frontier.Config.Beta && g.Config.Gamma == frontier.Config.Gamma)
                .ToArray();
            string title = $"Fig. 4 ({phase}, {(frontier.Config.Gamma > 0 ? "rich" : "lazy")}): alpha=2 beta={P(frontier.Config.Beta)} gamma={P(frontier.Config.Gamma)} B=inf eta=0.05";
            using ScottPlot.Plot? plot = FrontierPlot.Create(frontier, widths, title);
            if (plot is not null)
            {
                plots.Add(ReportPlots.Render(name, "frontier", plot));
            }

            string measured = frontier.Exponent is { } e ? WithCi(e, frontier.Ci) : $"no fit ({frontier.Reason})";
            parts.Add($"{phase} beta = {P(frontier.Config.Beta)}, gamma = {P(frontier.Config.Gamma)}: r_C = {measured} (Table 1: {X(frontier.Theory.Exponent)})");
            if (frontier.Exponent is { } r)
            {
                rows.Add(new ExponentRow(Name, "compute-optimal r_C", $"{phase} beta {P(frontier.Config.Beta)}, gamma {P(frontier.Config.Gamma)}", r, frontier.Ci, frontier.Theory.Exponent, "Table 1"));
            }
        }

        GroupReport first = report.Groups[0];
        int nMin = report.Groups.Min(g => g.Config.N), nMax = report.Groups.Max(g => g.Config.N);
        string caption =
            $"Fig. 4 ({(quick ? "quick size" : "the paper's size")}): the compute-optimal frontier, the lowest seed-mean loss over the widths "
            + $"N = {nMin}..{nMax} at each compute C = N t (alpha = 2, B = inf, eta = 0.05, M = {first.Config.M}, {first.Config.Steps} steps, {first.Seeds} seeds), "
            + $"fitted over the C where the best width is interior: {string.Join("; ", parts)}. "
            + "Feature learning steepens the hard task's frontier (Table 1: alpha beta/(alpha+1) lazy, 2 alpha beta/(alpha(1+beta)+2) rich) "
            + "and leaves the easy and super-easy ones where they were."
            + (quick ? " The paper's size (without --quick) runs N to 1024, 10^5 steps and 16 seeds." : string.Empty);
        return new FigureResult(plots, [new FigureData("fig4-curves.csv", CurvesCsv.Serialize(report))], caption, rows);
    }

    private static void FrontierConfigText(FrontierReport frontier, out string phase, out string name)
    {
        phase = frontier.Theory.Phase.Split(';')[0];
        name = $"fig4-{phase}-{(frontier.Config.Gamma > 0 ? "rich" : "lazy")}";
    }

    private static string Spec(string widths, int m, int steps, int seeds) => $$"""
        { "name": "fig4", "model": "projected", "alpha": [2], "beta": [0.5, 1.25, 1.75], "gamma": [0, 0.75],
          "N": {{widths}}, "B": ["inf"], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

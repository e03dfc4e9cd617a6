using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 4: compute-optimal scaling L*(C) ~ C^-r_C with C = N t, for the hard (beta 0.5), easy (1.25) and
/// super-easy (1.75) task at alpha 2, rich (gamma 0.75, the paper's) beside lazy, with Table 1's r_C, and dashed the
/// DMFT frontier: the envelope over N of the finite-width DMFT curves (eq. 26-31 at each group's own N) of a second,
/// short sweep with <c>"theory": "matched"</c>. That solver costs ~ modes T^3, so the DMFT frontier reaches
/// C = N_min T (the compute every width reaches) with T = 300 (quick) or 1000 steps, the start of the simulated
/// range only; the caption gives its distance
/// from the simulated frontier where both exist.
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
        quick
            ? DmftSpec("[16, 32, 64, 128, 256]", 4000, DmftStepsQuick)
            : DmftSpec("[16, 32, 64, 128, 256, 512, 1024]", 10000, DmftStepsFull),
    ];

    /// <summary>Steps of the DMFT sweep at the quick size: 30 finite-width solves of ~5 s each on 2 cores.</summary>
    public const int DmftStepsQuick = 300;

    /// <summary>Steps of the DMFT sweep at the full size: the limit of <c>"matched"</c> (~160 s a solve).</summary>
    public const int DmftStepsFull = 1000;

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport report = reports[0];
        SweepReport? theory = reports.Count > 1 ? reports[1] : null;
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
            ComputeFrontierResult? dmft = theory is null ? null : DmftFrontier(theory, frontier.Config.Beta, frontier.Config.Gamma);
            using ScottPlot.Plot? plot = FrontierPlot.Create(frontier, widths, title);
            if (plot is not null)
            {
                if (dmft is not null)
                {
                    double[] x = dmft.Points.Select(p => Math.Log10(p.Compute)).ToArray();
                    double[] y = dmft.Points.Select(p => Math.Log10(p.Loss)).ToArray();
                    var line = plot.Add.ScatterLine(x, y, ScottPlot.Colors.Black);
                    line.LineWidth = 2.5f;
                    line.LinePattern = ScottPlot.LinePattern.Dashed;
                    line.LegendText = $"DMFT frontier (eq. 26-31 at each N, t <= {theory!.Groups[0].Config.Steps})";
                }

                plots.Add(ReportPlots.Render(name, "frontier", plot));
            }

            string measured = frontier.Exponent is { } e ? WithCi(e, frontier.Ci) : $"no fit ({frontier.Reason})";
            parts.Add($"{phase} beta = {P(frontier.Config.Beta)}, gamma = {P(frontier.Config.Gamma)}: r_C = {measured} (Table 1: {X(frontier.Theory.Exponent)}"
                + (dmft is null ? ")" : $"; DMFT frontier within {Distance(frontier, dmft, 0)} of the simulated one up to C = {Compute(dmft.Points[^1].Compute)}, {Distance(frontier, dmft, dmft.Points[^1].Compute / 10)} over its last decade)"));
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
            + "and leaves the easy and super-easy ones where they were. "
            + (theory is null
                ? "No DMFT sweep was given."
                : $"Dashed: the DMFT frontier, the envelope over N of finite-width DMFT curves (eq. 26-31 with the Wishart self-term, 48 modes) of a second "
                    + $"sweep to t = {theory.Groups[0].Config.Steps}, drawn up to C = N_min t, the compute every width reaches (the solver costs ~ modes T^3, "
                    + "so it covers the start of the simulated range only); "
                    + "the distance is the largest relative one over the compute values both frontiers reach, and over the last decade of the DMFT's reach "
                    + "(early, where the loss falls by a decade within a few steps, a small shift in time is a large distance in loss).")
            + (quick ? " The paper's size (without --quick) runs N to 1024, 10^5 steps and 16 seeds." : string.Empty);
        var data = new List<FigureData> { new("fig4-curves.csv", CurvesCsv.Serialize(report)) };
        if (theory is not null)
        {
            data.Add(new FigureData("fig4-theory.csv", theory.TheoryCurves.Length > 0 ? TheoryCsv.Serialize(theory) : TheoryCsv.Header + "\n"));
        }

        return new FigureResult(plots, data, caption, rows);
    }

    /// <summary>The envelope of the completed DMFT curves of one (beta, gamma) over the widths, or null without two of them.</summary>
    internal static ComputeFrontierResult? DmftFrontier(SweepReport theory, double beta, double gamma)
    {
        Dictionary<string, DmftCurveReport> solved = theory.TheoryCurves.Where(c => c.Status == "completed").ToDictionary(c => c.Key, StringComparer.Ordinal);
        var curves = new List<WidthCurve>();
        foreach (GroupReport g in theory.Groups.Where(g => g.Config.Beta == beta && g.Config.Gamma == gamma).OrderBy(g => g.Config.N))
        {
            if (g.TheoryCurve is { } key && solved.TryGetValue(key, out DmftCurveReport? curve))
            {
                int[] kept = Enumerable.Range(0, curve.Steps.Length).Where(i => curve.Steps[i] >= 1 && curve.Loss[i] > 0).ToArray();
                if (kept.Length >= 2)
                {
                    curves.Add(new WidthCurve(g.Config.N, kept.Select(i => curve.Steps[i]).ToArray(), kept.Select(i => curve.Loss[i]).ToArray()));
                }
            }
        }

        if (curves.Count < 2)
        {
            return null;
        }

        // Beyond C = N_min T the narrow widths cannot reach t = C / N any more, so the envelope there is of the
        // wide widths only and not the frontier: keep the compute every width reaches.
        ComputeFrontierResult envelope = ComputeFrontier.Compute(curves, resamples: 0);
        double reach = curves.Min(c => (double)c.Width * c.Steps[^1]);
        return envelope with { Points = [.. envelope.Points.Where(p => p.Compute <= reach * (1 + 1e-12))] };
    }

    /// <summary>
    /// Largest relative distance of the simulated frontier from the DMFT one at the compute values from
    /// <paramref name="from"/> on that both reach, as "x.x %". Early, where the loss drops by decades within a few
    /// steps, a small shift in time is a large distance in loss; hence the last decade apart.
    /// </summary>
    internal static string Distance(FrontierReport simulated, ComputeFrontierResult dmft, double from)
    {
        double worst = 0;
        int shared = 0;
        foreach (FrontierPointReport p in simulated.Points.Where(p => p.C >= from * (1 - 1e-12)))
        {
            foreach (FrontierPoint q in dmft.Points)
            {
                if (Math.Abs((p.C / q.Compute) - 1) < 1e-9)
                {
                    worst = Math.Max(worst, Math.Abs((p.L / q.Loss) - 1));
                    shared++;
                }
            }
        }

        return shared == 0 ? "(no shared compute value)" : $"{100 * worst:F1} %";
    }

    private static string Compute(double c) => c.ToString("0.#e+0", System.Globalization.CultureInfo.InvariantCulture);

    private static void FrontierConfigText(FrontierReport frontier, out string phase, out string name)
    {
        phase = frontier.Theory.Phase.Split(';')[0];
        name = $"fig4-{phase}-{(frontier.Config.Gamma > 0 ? "rich" : "lazy")}";
    }

    private static string Spec(string widths, int m, int steps, int seeds) => $$"""
        { "name": "fig4", "model": "projected", "alpha": [2], "beta": [0.5, 1.25, 1.75], "gamma": [0, 0.75],
          "N": {{widths}}, "B": ["inf"], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;

    // Two seeds only: this sweep is there for its theory curves; the frontier's seeds are the other sweep's.
    private static string DmftSpec(string widths, int m, int steps) => $$"""
        { "name": "fig4-dmft", "model": "projected", "alpha": [2], "beta": [0.5, 1.25, 1.75], "gamma": [0, 0.75],
          "N": {{widths}}, "B": ["inf"], "eta": 0.05, "M": {{m}}, "steps": {{steps}}, "seeds": 2, "theory": "matched" }
        """;
}

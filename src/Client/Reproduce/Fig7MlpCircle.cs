using System.Globalization;
using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Spectra.Circle;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 7, the circle's additional experiments (App. A): (a) the eigenvalues lambda_k of the infinite-width NTK of the
/// ReLU^qPhi MLP for qPhi = 0.75 .. 1.75 (<see cref="CircleKernel"/>, no sweep), each beside k^-2qPhi with its decay
/// fitted over k = 16..128 (<see cref="MlpKernelDecay"/>, the fit the reports' kernel notes give); (b) easy tasks
/// (beta = 1 .. 1.8 by q at ReLU), lazy and rich loss curves with t^-beta, where feature learning leaves the exponent
/// alone; (c) their fitted exponents against beta beside the lazy and rich theory, which coincide for beta &gt;= 1.
/// </summary>
internal sealed class Fig7MlpCircle : PaperFigure
{
    /// <summary>The activation powers of panel (a), the paper's.</summary>
    public static readonly double[] SpectrumPowers = [0.75, 1.0, 1.25, 1.5, 1.75];

    /// <summary>The odd harmonic whose eigenvalue the caption sets against its even neighbours' geometric mean.</summary>
    private const int OddHarmonic = 65;

    public override string Name => "fig7";

    public override string Summary => "the MLP on the circle: its NTK spectra against k^-2qPhi (a), and easy tasks, lazy and rich, against t^-beta (b, c)";

    /// <summary>
    /// The paper's easy tasks at ReLU, beta = 1, 1.2, 1.5, 1.8 (q = 1.5, 1.7, 2, 2.3). Quick: N = 128, 5000 steps, 2 seeds;
    /// full: N = 256, 10^4 steps (the paper's axis), 8 seeds.
    /// </summary>
    public override IReadOnlyList<string> SpecJson(bool quick) =>
    [
        quick ? Spec(128, 5000, 2) : Spec(256, 10000, 8),
    ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport easy = reports[0];
        int depth = easy.Groups[0].Config.Depth ?? 2;
        var plots = new List<RenderedPlot>();
        var rows = new List<ExponentRow>();
        var spectra = new StringBuilder("qPhi,depth,k,lambda,lambda_over_lambda1\n");
        var decays = new List<string>();
        var zigzag = new List<string>();
        double worst = 0;

        using (var plot = new Plot())
        {
            var palette = new ScottPlot.Palettes.Category10();
            var bounds = new Bounds();
            for (int i = 0; i < SpectrumPowers.Length; i++)
            {
                double qPhi = SpectrumPowers[i];
                double[] lambda = CircleKernel.Eigenvalues(qPhi, depth, CircleKernelKind.Ntk, MlpKernelDecay.LastHarmonic);
                MlpKernelDecay.Fit fit = MlpKernelDecay.FitOf(lambda);
                var x = new List<double>();
                var y = new List<double>();
                for (int k = 1; k < lambda.Length; k++)
                {
                    double ratio = lambda[k] / lambda[1];
                    spectra.Append(CultureInfo.InvariantCulture, $"{P(qPhi)},{depth},{k},{P(lambda[k])},{P(ratio)}\n");
                    if (ratio > 1e-12)
                    {
                        x.Add(Math.Log10(k));
                        y.Add(Math.Log10(ratio));
                    }
                }

                Color color = palette.GetColor(i);
                var line = plot.Add.ScatterLine(x.ToArray(), y.ToArray(), color);
                line.LineWidth = 1.5f;
                line.MarkerShape = MarkerShape.FilledCircle;
                line.MarkerSize = 3;
                line.LegendText = $"qPhi={P(qPhi)}: lambda_k ~ k^-{X(fit.Exponent)} over k = {MlpKernelDecay.FirstHarmonic}..{MlpKernelDecay.LastHarmonic} (2 qPhi = {P(2 * qPhi)})";
                bounds.Add(x.ToArray(), y.ToArray());

                // k^-2qPhi over the fit window, through half the spectrum at the window's geometric middle.
                double x0 = Math.Log10(MlpKernelDecay.FirstHarmonic), x1 = Math.Log10(MlpKernelDecay.LastHarmonic), xm = (x0 + x1) / 2;
                double ym = LogLog.Interpolate(x.ToArray(), y.ToArray(), xm) + Math.Log10(LossPlot.TheoryOffset);
                var guide = plot.Add.ScatterLine(new[] { x0, x1 }, new[] { ym + (2 * qPhi * (xm - x0)), ym - (2 * qPhi * (x1 - xm)) }, color);
                guide.LineWidth = 2;
                guide.LinePattern = LinePattern.Dashed;

                worst = Math.Max(worst, Math.Abs(fit.Exponent - (2 * qPhi)));
                decays.Add($"qPhi = {P(qPhi)}: k^-{X(fit.Exponent)} against 2 qPhi = {X(2 * qPhi)}");
                zigzag.Add((lambda[OddHarmonic] / Math.Sqrt(lambda[OddHarmonic - 1] * lambda[OddHarmonic + 1])).ToString("F2", CultureInfo.InvariantCulture));
                rows.Add(new ExponentRow(Name, "NTK decay, lambda_k ~ k^-x", $"qPhi {P(qPhi)}, depth {depth}, k {MlpKernelDecay.FirstHarmonic}..{MlpKernelDecay.LastHarmonic}", fit.Exponent, null, 2 * qPhi, "eq. 14: alpha = 2 qPhi (App. A)"));
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dashed: k^-2qPhi (eq. 14) over the fit window, at 0.5 x the spectrum", LineColor = Colors.Gray, LineWidth = 2, LinePattern = LinePattern.Dashed });
            plot.ShowLegend(Alignment.LowerLeft);
            plot.Title($"Fig. 7a: NTK eigenvalues of the ReLU^qPhi MLP on the circle (infinite width, depth {depth}), lambda_k / lambda_1", 14);
            plot.XLabel("harmonic k");
            plot.YLabel("lambda_k / lambda_1");
            LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
            plots.Add(ReportPlots.Render("fig7a", "spectrum", plot));
        }

        if (MlpCirclePanels.LossPanel("fig7b", $"Fig. 7b: easy tasks (beta >= 1), ReLU MLP (qPhi=1), q varied; {Fig5MlpCircle.Setting(easy)}", easy, "q", "t^-beta (eq. 10-11: beta >= 1)") is { } b)
        {
            plots.Add(b);
        }

        double betaMax = Math.Max(2.0, Math.Ceiling(10 * easy.Groups.Max(g => g.Config.Beta) + 1) / 10);
        plots.Add(MlpCirclePanels.ExponentPanel(
            "fig7c", "Fig. 7c: fitted time exponents of the easy tasks against eq. 14's beta", [new("q varied, qPhi = 1", easy, MarkerShape.FilledCircle)], betaMax));

        var exponents = new StringBuilder(MlpCirclePanels.ExponentsHeader + "\n");
        MlpCirclePanels.AppendExponents(exponents, "b", easy);
        rows.AddRange(MlpCirclePanels.Rows(Name, easy));

        // Feature learning's effect on the exponent per task: the rich fit over the near-lazy one.
        var ratios = new List<string>();
        foreach (GroupReport[] task in MlpCirclePanels.Tasks(easy))
        {
            GroupReport? lazyLine = task.FirstOrDefault(g => MlpCirclePanels.IsLazy(easy, g));
            GroupReport? richLine = task.LastOrDefault(g => !MlpCirclePanels.IsLazy(easy, g));
            if (lazyLine?.Fit is { } l && richLine?.Fit is { } r)
            {
                ratios.Add($"{X(r.Exponent / l.Exponent)} at beta {MlpCirclePanels.Beta(task[0].Config.Beta)}");
            }
        }

        GroupReport[] richFits = easy.Groups.Where(g => g.Fit is not null && !MlpCirclePanels.IsLazy(easy, g)).ToArray();
        GroupReport[] nearLazy = easy.Groups.Where(g => g.Fit is not null && MlpCirclePanels.IsLazy(easy, g)).ToArray();
        (int richBelow, int richCount) = (richFits.Count(BelowBeta), richFits.Length);
        (int lazyBelow, int lazyCount) = (nearLazy.Count(BelowBeta), nearLazy.Length);
        GroupReport first = easy.Groups[0];
        string caption =
            $"Fig. 7 ({(quick ? "quick size" : "the paper's size")}): (a) the eigenvalues of the infinite-width NTK of a depth-{depth} ReLU^qPhi MLP on the circle "
            + "(CircleKernel: the arc-cosine recursion, cosine coefficients of K(theta - theta')), normalised by lambda_1, with the decay fitted over "
            + $"k = {MlpKernelDecay.FirstHarmonic}..{MlpKernelDecay.LastHarmonic} (least squares on log-log, even and odd harmonics): {string.Join("; ", decays)}. "
            + $"The zig-zag: an odd harmonic is a fixed fraction of its even neighbours, lambda_{OddHarmonic} / sqrt(lambda_{OddHarmonic - 1} lambda_{OddHarmonic + 1}) = "
            + $"{List(zigzag)} at qPhi = {List(SpectrumPowers.Select(P).ToArray())}; the fits lie within {X(worst)} of 2 qPhi. "
            + $"(b, c) easy tasks at ReLU (qPhi = 1), depth {first.Config.Depth}, N = {first.Config.N}, B = {first.Config.B}, eta = {P(first.Config.Eta)}, "
            + $"{first.Config.Steps} steps, {first.Seeds} seeds, fit over the last two decades with a 95% seed-bootstrap CI, against chi = beta, lazy and rich "
            + $"alike for beta >= 1 (eq. 10-11); in parentheses the local exponent of the seed mean over the last decade alone: {MlpCirclePanels.Fits(easy, "q")}. "
            + $"The rich fit over the near-lazy one: {string.Join(", ", ratios)}; the near-lazy loss over the rich one at t = {first.Config.Steps}: "
            + $"{MlpCirclePanels.SpeedUps(easy, "q")}. The paper finds that feature learning does not alter the long-time exponent for beta > 1; "
            + $"here {richBelow} of {richCount} rich and {lazyBelow} of {lazyCount} near-lazy fits lie below beta by more than their CI."
            + (quick ? " The paper's size (without --quick) runs N = 256, 10^4 steps and 8 seeds." : string.Empty);

        FigureData[] data =
        [
            new("fig7-spectra.csv", spectra.ToString()),
            new("fig7-curves.csv", CurvesCsv.Serialize(easy)),
            new("fig7-exponents.csv", exponents.ToString()),
        ];
        return new FigureResult(plots, data, caption, rows);
    }

    /// <summary>True when the group's fit and its whole interval lie below beta (the fit alone without an interval).</summary>
    private static bool BelowBeta(GroupReport g) => g.Fit is { } f && (f.Ci is [_, double hi] ? hi : f.Exponent) < g.Config.Beta;

    private static string Spec(int n, int steps, int seeds) => $$"""
        { "name": "fig7", "model": "mlp-circle", "q": [1.5, 1.7, 2, 2.3], "qPhi": [1], "gamma0": [0.01, 1], "depth": 2,
          "N": [{{n}}], "B": [32], "eta": 0.1, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

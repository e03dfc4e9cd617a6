using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Fig. 5: the ReLU^qPhi MLP on the circle (Sec. 5.1, model "mlp-circle"), trained online on the target
/// sum_k k^-q cos(k theta). (a) ReLU (qPhi = 1) with the target's decay q varied, (b) the target fixed at q = 1.4 with
/// the activation's power qPhi varied; each with a rich (gamma0 = 1) and a near-lazy (small gamma0) line per task and
/// the rich theory t^-beta max(1, 2/(1+beta)) at eq. 14's beta = (2q - 1)/(2 qPhi). (c) every fitted exponent against
/// beta beside the lazy and rich theory.
/// </summary>
internal sealed class Fig5MlpCircle : PaperFigure
{
    public override string Name => "fig5";

    public override string Summary => "the MLP on the circle: loss curves with the target's q (a) or the activation's qPhi (b) varied, lazy and rich, and the fitted exponents against eq. 14 (c)";

    /// <summary>
    /// Quick: beta 0.25..1.5 by q and 0.6..1.2 by qPhi (multiples of 1/4, whose powers are square roots and products,
    /// 2.5 times cheaper than other powers), N = 128, 5000 steps, 2 seeds. Full: the paper's betas, 0.1..1.5 by q and
    /// 0.5..1.25 by qPhi (qPhi = 1.8 .. 0.72, at eta = 0.05: at qPhi = 1.8 the rich network overshoots early at 0.1),
    /// N = 256, 10^4 steps (the paper's axis), 8 seeds.
    /// </summary>
    public override IReadOnlyList<string> SpecJson(bool quick) => quick
        ?
        [
            Spec("fig5a", "[0.75, 1, 1.25, 1.5, 1.75, 2]", "[1]", 128, 0.1, 5000, 2),
            Spec("fig5b", "[1.4]", "[0.75, 1, 1.25, 1.5]", 128, 0.1, 5000, 2),
        ]
        :
        [
            Spec("fig5a", "[0.6, 0.75, 1, 1.25, 1.5, 1.75, 2]", "[1]", 256, 0.1, 10000, 8),
            Spec("fig5b", "[1.4]", "[0.72, 0.9, 1.2, 1.8]", 256, 0.05, 10000, 8),
        ];

    public override FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick)
    {
        SweepReport target = reports[0], activation = reports[1];
        var plots = new List<RenderedPlot>();
        const string rich = "t^-beta max(1, 2/(1+beta)) (eq. 11, eq. 14)";
        if (MlpCirclePanels.LossPanel("fig5a", $"Fig. 5a: ReLU^qPhi MLP on the circle (qPhi={P(target.Groups[0].Config.QPhi ?? double.NaN)}), target decay q varied; {Setting(target)}", target, "q", rich) is { } a)
        {
            plots.Add(a);
        }

        if (MlpCirclePanels.LossPanel("fig5b", $"Fig. 5b: target fixed (q={P(activation.Groups[0].Config.Q ?? double.NaN)}), activation ReLU^qPhi varied; {Setting(activation)}", activation, "qPhi", rich) is { } b)
        {
            plots.Add(b);
        }

        double betaMax = Math.Max(1.6, Math.Ceiling(10 * reports.SelectMany(r => r.Groups).Max(g => g.Config.Beta) + 1) / 10);
        plots.Add(MlpCirclePanels.ExponentPanel(
            "fig5c",
            "Fig. 5c: fitted time exponents of the MLP on the circle against eq. 14's beta",
            [
                new($"(a) q varied, qPhi = {P(target.Groups[0].Config.QPhi ?? double.NaN)}", target, MarkerShape.FilledCircle),
                new($"(b) qPhi varied, q = {P(activation.Groups[0].Config.Q ?? double.NaN)}", activation, MarkerShape.FilledSquare),
            ],
            betaMax));

        var exponents = new StringBuilder(MlpCirclePanels.ExponentsHeader + "\n");
        MlpCirclePanels.AppendExponents(exponents, "a", target);
        MlpCirclePanels.AppendExponents(exponents, "b", activation);
        ExponentRow[] rows = [.. MlpCirclePanels.Rows(Name, target), .. MlpCirclePanels.Rows(Name, activation)];
        (SweepReport Report, GroupReport Group)[] richFits = reports.SelectMany(r => r.Groups.Where(g => g.Fit is not null && !MlpCirclePanels.IsLazy(r, g)).Select(g => (r, g))).ToArray();
        int within = richFits.Count(f => Math.Abs((f.Group.Fit!.Exponent / MlpCirclePanels.Predicted(f.Report, f.Group)) - 1) <= 0.1);

        (int Below, int Of) lazyA = MlpCirclePanels.LazyBelowBeta(target), lazyB = MlpCirclePanels.LazyBelowBeta(activation);
        GroupReport first = target.Groups[0], firstB = activation.Groups[0];
        string caption =
            $"Fig. 5 ({(quick ? "quick size" : "the paper's size")}): the MLP on the circle (Sec. 5.1), depth {first.Config.Depth}, N = {first.Config.N}, "
            + $"B = {first.Config.B}, online SGD on fresh angles, {first.Config.Steps} steps, {first.Seeds} seeds, gamma0 = "
            + $"{List(target.Groups.Select(g => P(g.Config.Gamma)).Distinct().ToArray())} (near lazy and rich), fit L ~ t^-chi over the last two decades "
            + "with a 95% seed-bootstrap CI, against eq. 14's beta = (2q - 1)/(2 qPhi): the rich chi = beta max(1, 2/(1+beta)) and the lazy chi = beta; "
            + "in parentheses the local exponent of the seed mean over the last decade alone. "
            + $"(a) qPhi = {P(first.Config.QPhi ?? double.NaN)}, eta = {P(first.Config.Eta)}: {MlpCirclePanels.Fits(target, "q")}. "
            + $"(b) q = {P(firstB.Config.Q ?? double.NaN)}, eta = {P(firstB.Config.Eta)}: {MlpCirclePanels.Fits(activation, "qPhi")}. "
            + $"{within} of {richFits.Length} rich fits are within 10 % of eq. 11. "
            + $"The near-lazy loss over the rich one at t = {first.Config.Steps}: {MlpCirclePanels.SpeedUps(target, "q")} (a); {MlpCirclePanels.SpeedUps(activation, "qPhi")} (b). "
            + $"{lazyA.Below + lazyB.Below} of {lazyA.Of + lazyB.Of} near-lazy fits lie below the lazy chi = beta: in this window few harmonics are learned, and the infinite-width "
            + "kernel's own lazy curve has a local slope of 0.446 over t = 10^3..10^4 at q = 1, against its asymptotic 0.5 (docs/spectra.md)."
            + (quick ? " The paper's size (without --quick) runs its betas, 0.1 to 1.5 by q and 0.5 to 1.25 by qPhi (qPhi = 0.72 to 1.8, eta = 0.05), N = 256, 10^4 steps and 8 seeds." : string.Empty);

        FigureData[] data =
        [
            new("fig5-curves.csv", CurvesCsv.Serialize(target) + Body(CurvesCsv.Serialize(activation))),
            new("fig5-exponents.csv", exponents.ToString()),
        ];
        return new FigureResult(plots, data, caption, rows);
    }

    /// <summary>"depth=2 N=128 B=32 eta=0.1": what every line of a panel shares.</summary>
    internal static string Setting(SweepReport report)
    {
        GroupReport g = report.Groups[0];
        return $"depth={g.Config.Depth} N={g.Config.N} B={g.Config.B} eta={P(g.Config.Eta)}";
    }

    private static string Body(string csv) => csv[(csv.IndexOf('\n') + 1)..];

    private static string Spec(string name, string q, string qPhi, int n, double eta, int steps, int seeds) => $$"""
        { "name": "{{name}}", "model": "mlp-circle", "q": {{q}}, "qPhi": {{qPhi}}, "gamma0": [0.01, 1], "depth": 2,
          "N": [{{n}}], "B": [32], "eta": {{P(eta)}}, "steps": {{steps}}, "seeds": {{seeds}} }
        """;
}

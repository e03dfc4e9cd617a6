using ScaleSweep.Client.Commands.Spectra;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Output;

/// <summary>
/// The one JSON object `scalesweep spectrum fit --json` prints: alpha and beta as {value, ci} (ci a 95 % bootstrap
/// interval over the modes of the window, or null), the window [kmin, kmax], the phase and the exponents of the
/// fitted task as `theory --json` names them (null, with noTheory saying why, when alpha &lt;= 1 or beta &lt;= 0), eq. 10's
/// self-consistent rich exponent on the spectrum itself (chiSelfConsistentRich, null when its window is too short),
/// and the plots written with --out.
/// </summary>
internal sealed record SpectrumFitJson(
    string Source,
    int M,
    SpectrumFitJson.Estimate Alpha,
    SpectrumFitJson.Estimate Beta,
    double PowerDecay,
    int[] Window,
    int Modes,
    TaskPhase? Phase,
    double? ChiLazy,
    double? ChiRich,
    double? ChiSelfConsistentRich,
    double? ModelBottleneckExponent,
    double? ModelFloorCorrectedExponent,
    string? NoTheory,
    IReadOnlyList<string> Plots)
{
    internal sealed record Estimate(double Value, double[]? Ci);

    public static SpectrumFitJson From(SpectrumFitReport report, IReadOnlyList<string> plots) => new(
        report.Source,
        report.Modes,
        new Estimate(report.Fit.Alpha, Interval(report.Fit.AlphaCi)),
        new Estimate(report.Fit.Beta, Interval(report.Fit.BetaCi)),
        report.Fit.PowerDecay,
        [report.Fit.Window.K0, report.Fit.Window.K1],
        report.Fit.Modes,
        report.Phase,
        report.ChiLazy,
        report.ChiRich,
        report.ChiSelfConsistentRich,
        report.ModelBottleneck,
        report.ModelFloorCorrected,
        report.NoTheory,
        plots);

    private static double[]? Interval((double Lo, double Hi) ci) =>
        double.IsFinite(ci.Lo) && double.IsFinite(ci.Hi) ? [ci.Lo, ci.Hi] : null;
}

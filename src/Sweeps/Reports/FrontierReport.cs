using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>The compute-optimal frontier over N for one (alpha, beta, gamma, B, eta), its fitted r_C and Table 1's.</summary>
/// <param name="Exponent">Fitted r_C of L* ~ C^-r_C, or null (see <paramref name="Reason"/>).</param>
/// <param name="Ci">95% bootstrap interval of the exponent.</param>
/// <param name="Theory">Table 1's r_C for this phase and gamma.</param>
/// <param name="Reason">Why there is no fit (too few widths, no interior optimum).</param>
/// <param name="Intercept">ln L* of the fitted line at C = 1 (natural log), so the line is L* = e^Intercept C^-Exponent; null without a fit.</param>
/// <param name="FitRange">Smallest and largest C of the fitted (interior) points, [C_min, C_max]; null without a fit.</param>
[GenerateSerializer, Immutable]
public sealed record FrontierReport(
    [property: Id(0)] FrontierConfig Config,
    [property: Id(1)] FrontierPointReport[] Points,
    [property: Id(2)] double? Exponent,
    [property: Id(3)] double[]? Ci,
    [property: Id(4)] PredictedExponent Theory,
    [property: Id(5)] string? Reason,
    [property: Id(6)] double? Intercept = null,
    [property: Id(7)] double[]? FitRange = null);

using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// The data bottleneck of one (alpha, beta, gamma, N, B, eta): the late test loss against the training-set size
/// P, its fitted exponent x of L ~ P^-x and the paper's (eq. 78).
/// </summary>
/// <param name="Config">The parameters the line's groups share.</param>
/// <param name="Points">One per finite P with a mean curve, in the spec's P order.</param>
/// <param name="Exponent">Fitted x, or null (see <paramref name="Reason"/>).</param>
/// <param name="Ci">95% bootstrap interval of x over seeds (each P's seeds resampled on their own); null with a single seed.</param>
/// <param name="Intercept">ln L of the fitted line at P = 1, so the line is L = e^Intercept P^-Exponent; null without a fit.</param>
/// <param name="Theory">Eq. 78's alpha min(2, beta), with the phase.</param>
/// <param name="Reason">Why there is no fit (fewer than two sizes with a curve, a loss that is not positive).</param>
[GenerateSerializer, Immutable]
public sealed record DataScalingReport(
    [property: Id(0)] DataScalingConfig Config,
    [property: Id(1)] DataScalingPointReport[] Points,
    [property: Id(2)] double? Exponent,
    [property: Id(3)] double[]? Ci,
    [property: Id(4)] double? Intercept,
    [property: Id(5)] PredictedExponent Theory,
    [property: Id(6)] string? Reason);

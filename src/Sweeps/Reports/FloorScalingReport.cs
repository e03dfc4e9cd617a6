using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// The exact model-size floor along one frontier's widths: the seed-mean floor per N, its fitted exponent x of
/// L ~ N^-x, and both theory exponents, named: the paper's alpha min(2, beta) (eq. 12) and the corrected
/// alpha min(1, beta) that the floor and the simulations follow (they differ for beta &gt; 1; docs/numerics.md).
/// </summary>
/// <param name="Config">The frontier's shared parameters (the floor depends on alpha and beta only).</param>
/// <param name="Points">One per width of the frontier, in the spec's order.</param>
/// <param name="Exponent">Fitted x, or null (see <paramref name="Reason"/>).</param>
/// <param name="Ci">95% bootstrap interval of x over seeds; null with a single seed.</param>
/// <param name="PaperExponent">alpha min(2, beta), eq. 12 and 76.</param>
/// <param name="CorrectedExponent">alpha min(1, beta), what the exact floor follows.</param>
/// <param name="Reason">Why there is no fit or there are no floors.</param>
[GenerateSerializer, Immutable]
public sealed record FloorScalingReport(
    [property: Id(0)] FrontierConfig Config,
    [property: Id(1)] FloorPointReport[] Points,
    [property: Id(2)] double? Exponent,
    [property: Id(3)] double[]? Ci,
    [property: Id(4)] double PaperExponent,
    [property: Id(5)] double CorrectedExponent,
    [property: Id(6)] string? Reason);

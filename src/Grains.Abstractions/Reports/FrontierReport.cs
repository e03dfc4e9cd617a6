namespace ScaleSweep.Grains.Abstractions.Reports;

/// <summary>The compute-optimal frontier over N for one (alpha, beta, gamma, B, eta), its fitted r_C and Table 1's.</summary>
/// <param name="Exponent">Fitted r_C of L* ~ C^-r_C, or null (see <paramref name="Reason"/>).</param>
/// <param name="Ci">95% bootstrap interval of the exponent.</param>
/// <param name="Theory">Table 1's r_C for this phase and gamma.</param>
/// <param name="Reason">Why there is no fit (too few widths, no interior optimum).</param>
[GenerateSerializer, Immutable]
public sealed record FrontierReport(
    [property: Id(0)] FrontierConfig Config,
    [property: Id(1)] FrontierPointReport[] Points,
    [property: Id(2)] double? Exponent,
    [property: Id(3)] double[]? Ci,
    [property: Id(4)] TheoryReport Theory,
    [property: Id(5)] string? Reason);

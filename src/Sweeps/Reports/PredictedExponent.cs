namespace ScaleSweep.Sweeps.Reports;

/// <summary>The paper's prediction beside a measured value: the exponent and the task phase (hard, easy, super-easy).</summary>
/// <param name="Exponent">The predicted decay rate: chi of L ~ t^-chi for a group, r_C of L* ~ C^-r_C for a frontier.</param>
/// <param name="Phase">
/// "hard", "easy" or "super-easy" (Table 1). For the linear network the paper has no closed form, so the
/// word is followed by "; linear network: ..." saying where the exponent comes from.
/// </param>
/// <param name="Regime">"lazy" (gamma = 0) or "rich" (gamma &gt; 0): which column of eq. 10 and Table 1 applies.</param>
[GenerateSerializer, Immutable]
public sealed record PredictedExponent(
    [property: Id(0)] double Exponent,
    [property: Id(1)] string Phase,
    [property: Id(2)] string? Regime = null);

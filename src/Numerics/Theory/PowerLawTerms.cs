namespace ScaleSweep.Numerics.Theory;

/// <summary>
/// The four terms of the sum-of-power-laws loss of eq. 8 (lazy) and eq. 9 (rich), kept apart so that a plot
/// can show which bottleneck dominates at each time.
/// </summary>
/// <param name="GradientFlow">Limiting gradient flow t^-(beta m) (N, B -> infinity).</param>
/// <param name="ModelBottleneck">Model bottleneck N^-(alpha min(2, beta)), the t -> infinity loss at finite N.</param>
/// <param name="FiniteNTransient">Finite-N transient (1/N) t^-((1 - 1/alpha) m).</param>
/// <param name="SgdTransient">SGD transient (eta/B) t^-((2 - 1/alpha) m).</param>
public readonly record struct PowerLawTerms(
    double GradientFlow,
    double ModelBottleneck,
    double FiniteNTransient,
    double SgdTransient)
{
    /// <summary>The approximate loss: the sum of the four terms.</summary>
    public double Total => GradientFlow + ModelBottleneck + FiniteNTransient + SgdTransient;
}

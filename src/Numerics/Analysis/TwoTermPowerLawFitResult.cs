namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Fit of L(t) = A t^-R1 + B t^-R2 + C, the time slice of the sum of power laws of eq. 9.
/// The terms are ordered so that R1 &lt;= R2: the first is the one that dominates late.
/// </summary>
/// <param name="A">Amplitude of the slower term, positive.</param>
/// <param name="R1">Decay rate of the slower term.</param>
/// <param name="B">Amplitude of the faster term, positive.</param>
/// <param name="R2">Decay rate of the faster term.</param>
/// <param name="C">Floor, non-negative.</param>
/// <param name="Objective">Final sum over points of Huber(log L - log model) at the chosen parameters.</param>
/// <param name="Starts">Number of starting points tried.</param>
/// <param name="Converged">Number of starts whose minimiser terminated normally.</param>
/// <param name="Points">Number of recorded steps fitted.</param>
public sealed record TwoTermPowerLawFitResult(
    double A, double R1, double B, double R2, double C, double Objective, int Starts, int Converged, int Points)
{
    /// <summary>The fitted curve at step <paramref name="t"/>, for overlays.</summary>
    public double Evaluate(double t) => (A * Math.Pow(t, -R1)) + (B * Math.Pow(t, -R2)) + C;
}

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Fit of L(t) = A t^-R + C (a power law decaying to a floor C, such as the width bottleneck).
/// </summary>
/// <param name="A">Amplitude, positive.</param>
/// <param name="R">Decay rate, positive when the loss falls.</param>
/// <param name="C">Floor, non-negative (it may come out as a tiny positive number standing for 0).</param>
/// <param name="Objective">Final sum over points of Huber(log L - log model) at the chosen parameters.</param>
/// <param name="Starts">Number of starting points tried.</param>
/// <param name="Converged">Number of starts whose minimiser terminated normally.</param>
/// <param name="Points">Number of recorded steps fitted.</param>
public sealed record OffsetPowerLawFitResult(
    double A, double R, double C, double Objective, int Starts, int Converged, int Points)
{
    /// <summary>The fitted curve at step <paramref name="t"/>, for overlays.</summary>
    public double Evaluate(double t) => (A * Math.Pow(t, -R)) + C;
}

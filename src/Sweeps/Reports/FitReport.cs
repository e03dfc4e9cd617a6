namespace ScaleSweep.Sweeps.Reports;

/// <summary>A fitted power law L ~ t^-Exponent over Window, with a 95% bootstrap interval over seeds.</summary>
/// <param name="Exponent">The decay rate r of L ~ t^-r, positive when the loss falls.</param>
/// <param name="Ci">95% percentile bootstrap interval [lo, hi] of r over seeds; null with fewer than two usable seeds.</param>
/// <param name="Window">First and last recorded step actually fitted, [t0, t1].</param>
/// <param name="Intercept">ln L of the fitted line at t = 1 (natural log), so the line is L = e^Intercept t^-Exponent.</param>
/// <param name="Points">Recorded steps inside the window.</param>
[GenerateSerializer, Immutable]
public sealed record FitReport(
    [property: Id(0)] double Exponent,
    [property: Id(1)] double[]? Ci,
    [property: Id(2)] long[] Window,
    [property: Id(3)] double Intercept = 0,
    [property: Id(4)] int Points = 0);

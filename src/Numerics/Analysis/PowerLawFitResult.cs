namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// A straight-line fit of log L = a - r log t (natural logs) over a window of recorded steps.
/// </summary>
/// <param name="Exponent">The decay rate r, positive when the loss falls (L ~ t^-r).</param>
/// <param name="Intercept">a, the log loss the line predicts at t = 1.</param>
/// <param name="Ci">
/// Bootstrap percentile interval of r over seeds; (NaN, NaN) when the fit was of a single curve,
/// fewer than two seeds were usable, or no resamples were asked for.
/// </param>
/// <param name="Window">First and last recorded step actually used (inside the requested window).</param>
/// <param name="Points">Number of recorded steps in the fit.</param>
public sealed record PowerLawFitResult(
    double Exponent,
    double Intercept,
    (double Lo, double Hi) Ci,
    (long T0, long T1) Window,
    int Points);

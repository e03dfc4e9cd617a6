namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The compute-optimal frontier L*(C) and its exponent r_C, L* ~ C^-r_C.
/// </summary>
/// <param name="Points">The envelope on the compute grid, ascending in C.</param>
/// <param name="Exponent">r_C, positive when the frontier falls; NaN when no fit was possible.</param>
/// <param name="Intercept">log L* at C = 1 of the fitted line (natural logs); NaN when unfitted.</param>
/// <param name="Ci">
/// Bootstrap percentile interval of r_C over seeds; (NaN, NaN) without seeds, without a fit, or when
/// no resample could be fitted.
/// </param>
/// <param name="FitRange">Smallest and largest C of the fitted points; (NaN, NaN) when unfitted.</param>
/// <param name="FitPoints">Number of envelope points fitted (those marked interior).</param>
/// <param name="BootstrapFits">
/// Resamples that yielded a fit; fewer than the resamples asked for means the interior range is
/// fragile and the interval should be read with care.
/// </param>
/// <param name="Reason">Why there is no exponent, or null when there is one.</param>
public sealed record ComputeFrontierResult(
    IReadOnlyList<FrontierPoint> Points,
    double Exponent,
    double Intercept,
    (double Lo, double Hi) Ci,
    (double CMin, double CMax) FitRange,
    int FitPoints,
    int BootstrapFits,
    string? Reason)
{
    /// <summary>True when an exponent was fitted.</summary>
    public bool IsFitted => Reason is null;
}

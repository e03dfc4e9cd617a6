namespace ScaleSweep.Client.Reports;

/// <summary>A curve in log10 coordinates with its error band, ready for a log-log plot.</summary>
/// <param name="X">log10 of the abscissa (step or compute).</param>
/// <param name="Y">log10 of the mean loss.</param>
/// <param name="Lower">log10 of the band's lower edge.</param>
/// <param name="Upper">log10 of the band's upper edge.</param>
internal sealed record LogCurve(double[] X, double[] Y, double[] Lower, double[] Upper)
{
    public bool IsEmpty => X.Length == 0;
}

namespace ScaleSweep.Numerics.Analysis;

/// <summary>The line through the interior frontier points, or the reason there is none.</summary>
internal readonly record struct FrontierFit(
    double Exponent, double Intercept, (double CMin, double CMax) Range, int Points, string? Reason);

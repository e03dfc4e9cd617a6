namespace ScaleSweep.Numerics.Analysis;

/// <summary>One point of the compute frontier L*(C).</summary>
/// <param name="Compute">C = N t, a point of the log-spaced grid.</param>
/// <param name="Loss">Lowest loss over the widths whose curve reaches t = C / N.</param>
/// <param name="Width">The width N*(C) achieving it.</param>
/// <param name="Interior">
/// True when N* is neither the smallest nor the largest width and both neighbouring widths were
/// evaluated at this C, so N* is a genuine local optimum; only such points are fitted.
/// </param>
public readonly record struct FrontierPoint(double Compute, double Loss, int Width, bool Interior);

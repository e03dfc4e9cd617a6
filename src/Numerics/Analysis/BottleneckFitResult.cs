namespace ScaleSweep.Numerics.Analysis;

/// <summary>A bottleneck fit ln L = a - x ln X (natural logs) over the sizes X of a grid.</summary>
/// <param name="Exponent">x of L ~ X^-x, positive when the loss falls with the size.</param>
/// <param name="Intercept">a, the log loss the line predicts at X = 1.</param>
/// <param name="Ci">Bootstrap percentile interval of x over seeds; (NaN, NaN) when some size has a single seed or no resamples were asked for.</param>
/// <param name="Points">Number of sizes fitted.</param>
public sealed record BottleneckFitResult(double Exponent, double Intercept, (double Lo, double Hi) Ci, int Points);

namespace ScaleSweep.Client.Reproduce;

/// <summary>A measured exponent beside the paper's prediction, one row of reproduce.md's table.</summary>
/// <param name="Figure">The figure it comes from, e.g. "fig2".</param>
/// <param name="Quantity">What it is, e.g. "time exponent chi".</param>
/// <param name="Setting">Where it was measured, e.g. "beta 0.4, gamma 1, N 512".</param>
/// <param name="Measured">The fitted value.</param>
/// <param name="Ci">Its 95% interval, or null without one.</param>
/// <param name="Predicted">The paper's value.</param>
/// <param name="Source">Where the prediction comes from, e.g. "eq. 11".</param>
internal sealed record ExponentRow(string Figure, string Quantity, string Setting, double Measured, double[]? Ci, double Predicted, string Source);

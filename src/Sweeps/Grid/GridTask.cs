using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Sweeps.Grid;

/// <summary>
/// One point of a grid's two task axes: (alpha, beta) of the power-law task, or the MLP's (q_phi, q) with eq. 14's
/// alpha and beta and M = K.
/// </summary>
public sealed record GridTask(double Alpha, double Beta, int M, MlpCircleSettings? Mlp);

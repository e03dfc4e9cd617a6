namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The loss curve of one width N, the input of the compute frontier.
/// </summary>
/// <param name="Width">Model width N, at least 1; compute is counted as C = N t.</param>
/// <param name="Steps">Recorded steps, strictly ascending; only those with t &gt;= 1 are used.</param>
/// <param name="MeanLoss">Seed-mean loss at each step, positive and finite where t &gt;= 1.</param>
/// <param name="Seeds">
/// Optional per-seed curves of this width, used only to bootstrap the interval of the exponent;
/// the point estimate always uses <paramref name="MeanLoss"/>.
/// </param>
public sealed record WidthCurve(
    int Width,
    IReadOnlyList<long> Steps,
    IReadOnlyList<double> MeanLoss,
    IReadOnlyList<SeedCurve>? Seeds = null);

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Mean loss curve over the seeds of one configuration, with its standard error.
/// </summary>
/// <param name="Steps">The recorded steps shared by all used seeds; empty when <paramref name="Used"/> is 0.</param>
/// <param name="Mean">Mean loss over the used seeds at each step; empty when <paramref name="Used"/> is 0.</param>
/// <param name="Sem">
/// Standard error of the mean, sample standard deviation (n - 1 denominator) over sqrt(n).
/// With a single used seed there is no spread to estimate and it is 0, not NaN, so error bars
/// simply vanish; read <paramref name="Used"/> to tell "one seed" from "no spread".
/// </param>
/// <param name="Used">Number of seeds averaged (those not flagged diverged).</param>
/// <param name="Diverged">Number of seeds flagged diverged and left out.</param>
public sealed record SeedAggregateResult(
    IReadOnlyList<long> Steps,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Sem,
    int Used,
    int Diverged);

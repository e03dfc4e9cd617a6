namespace ScaleSweep.Sweeps.Reports;

/// <summary>One width of a <see cref="FloorScalingReport"/>: the seed-mean exact floor and its standard error.</summary>
/// <param name="N">Width.</param>
/// <param name="Mean">Seed mean of the floor.</param>
/// <param name="Sem">Its standard error; null with a single seed.</param>
[GenerateSerializer, Immutable]
public sealed record FloorPointReport(
    [property: Id(0)] int N,
    [property: Id(1)] double Mean,
    [property: Id(2)] double? Sem);

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>A line of <c>scalesweep list</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record SweepSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Runs,
    [property: Id(3)] DateTimeOffset CreatedAt);

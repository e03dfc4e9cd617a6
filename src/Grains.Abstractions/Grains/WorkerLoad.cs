namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>One silo's worker pool as it last reported it.</summary>
/// <param name="Silo">The silo address.</param>
/// <param name="Slots">Workers of its pool.</param>
/// <param name="Busy">Jobs running or queued there.</param>
/// <param name="At">When it reported.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerLoad(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] int Slots,
    [property: Id(2)] int Busy,
    [property: Id(3)] DateTime At);

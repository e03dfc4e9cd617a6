using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Theory;

/// <summary>A theory grain's request, status and, once completed, its curve.</summary>
/// <param name="Request">What was asked for.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Curve">The solved curve; null unless completed.</param>
/// <param name="Error">Why it failed.</param>
[GenerateSerializer, Immutable]
public sealed record TheoryResult(
    [property: Id(0)] TheoryRequest Request,
    [property: Id(1)] RunStatus Status,
    [property: Id(2)] TheoryCurve? Curve,
    [property: Id(3)] string? Error);

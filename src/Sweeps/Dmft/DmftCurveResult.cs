using ScaleSweep.Numerics.Theory.Dmft;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Dmft;

/// <summary>A theory grain's request, status and, once completed, its curve.</summary>
/// <param name="Request">What was asked for.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Curve">The solved curve; null unless completed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Seconds">Wall-clock seconds the solve took (a property of this run of the solver, not of the curve).</param>
[GenerateSerializer, Immutable]
public sealed record DmftCurveResult(
    [property: Id(0)] DmftCurveRequest Request,
    [property: Id(1)] DmftCurveStatus Status,
    [property: Id(2)] DmftCurve? Curve,
    [property: Id(3)] string? Error,
    [property: Id(4)] double Seconds = 0);

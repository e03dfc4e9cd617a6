using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Dmft;

/// <summary>A theory curve's status, as a theory grain reports it.</summary>
/// <param name="Key">The curve's key (<see cref="DmftCurveRequest.Key"/>).</param>
/// <param name="Status">Where the curve stands.</param>
/// <param name="Error">Why it failed; or, while storage is unreachable, a warning.</param>
/// <param name="Time">While it is being solved, the SGD time t the solve has reached, of the curve's T.</param>
[GenerateSerializer, Immutable]
public sealed record DmftCurveProgress(
    [property: Id(0)] string Key,
    [property: Id(1)] DmftCurveStatus Status,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] long Time = 0);

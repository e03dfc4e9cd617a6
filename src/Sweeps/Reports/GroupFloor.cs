namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// The exact t -&gt; infinity loss of a group's seeds (<see cref="SweepFloors"/>): the loss of the best predictor on
/// each run's N features, the floor under the group's loss curve.
/// </summary>
/// <param name="Mean">Mean over the group's seeds (all of them: the floor does not depend on how the run went).</param>
/// <param name="Sem">Standard error of that mean; null with a single seed.</param>
[GenerateSerializer, Immutable]
public sealed record GroupFloor(
    [property: Id(0)] double Mean,
    [property: Id(1)] double? Sem);

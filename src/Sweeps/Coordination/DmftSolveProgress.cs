namespace ScaleSweep.Sweeps.Coordination;

/// <summary>Where one DMFT curve being solved stands: the SGD time t its solve has reached, of the curve's T.</summary>
[GenerateSerializer, Immutable]
public sealed record DmftSolveProgress([property: Id(0)] long Time, [property: Id(1)] long Steps);

namespace ScaleSweep.Sweeps.Specs;

/// <summary>The steps [T0, T1] over which a loss curve's power law is fitted.</summary>
[GenerateSerializer, Immutable]
public sealed record FitWindow([property: Id(0)] long T0, [property: Id(1)] long T1);

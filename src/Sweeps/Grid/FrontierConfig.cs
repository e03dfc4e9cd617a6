namespace ScaleSweep.Sweeps.Grid;

/// <summary>The parameters shared by the widths of one compute-optimal frontier.</summary>
[GenerateSerializer, Immutable]
public sealed record FrontierConfig(
    [property: Id(0)] double Alpha,
    [property: Id(1)] double Beta,
    [property: Id(2)] double Gamma,
    [property: Id(3)] long? B,
    [property: Id(4)] double Eta);

namespace ScaleSweep.Sweeps.Grid;

/// <summary>The parameters shared by the widths of one compute-optimal frontier.</summary>
/// <param name="P">Training-set size; null is online training. Appended (field 5), so stored frontiers read back null.</param>
[GenerateSerializer, Immutable]
public sealed record FrontierConfig(
    [property: Id(0)] double Alpha,
    [property: Id(1)] double Beta,
    [property: Id(2)] double Gamma,
    [property: Id(3)] long? B,
    [property: Id(4)] double Eta,
    [property: Id(5)] long? P = null);

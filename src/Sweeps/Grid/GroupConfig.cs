namespace ScaleSweep.Sweeps.Grid;

/// <summary>Every parameter of a run but the seed: the runs of one group differ only in their seed.</summary>
/// <param name="B">Batch size; null is the infinite batch. On a finite training set it is never null: the spec's "inf" there is the full batch, B = P.</param>
/// <param name="P">Training-set size (Appendix D); null is online training. Appended (field 8): groups stored before it read back null, which they were.</param>
[GenerateSerializer, Immutable]
public sealed record GroupConfig(
    [property: Id(0)] double Alpha,
    [property: Id(1)] double Beta,
    [property: Id(2)] double Gamma,
    [property: Id(3)] int N,
    [property: Id(4)] long? B,
    [property: Id(5)] double Eta,
    [property: Id(6)] int M,
    [property: Id(7)] long Steps,
    [property: Id(8)] long? P = null);

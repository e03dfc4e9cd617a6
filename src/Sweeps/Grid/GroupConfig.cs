namespace ScaleSweep.Sweeps.Grid;

/// <summary>Every parameter of a run but the seed: the runs of one group differ only in their seed.</summary>
/// <param name="B">Batch size; null is the infinite batch. On a finite training set it is never null: the spec's "inf" there is the full batch, B = P.</param>
/// <param name="P">Training-set size (Appendix D); null is online training. Appended (field 8): groups stored before it read back null, which they were.</param>
/// <param name="Q">The MLP on the circle's target decay q; null for the other models. Appended (fields 9-11) with <paramref name="QPhi"/> and <paramref name="Depth"/>; its K is <paramref name="M"/>.</param>
/// <param name="QPhi">The MLP's activation power q_phi, or null.</param>
/// <param name="Depth">The MLP's hidden layers, or null.</param>
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
    [property: Id(8)] long? P = null,
    [property: Id(9)] double? Q = null,
    [property: Id(10)] double? QPhi = null,
    [property: Id(11)] int? Depth = null)
{
    /// <summary>The MLP on the circle's settings of this group, or null for the other models.</summary>
    /// <remarks>Derived from the fields, so never written to JSON (report.json).</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public ScaleSweep.Numerics.Models.MlpCircle.MlpCircleSettings? Mlp =>
        Q is { } q && QPhi is { } qPhi && Depth is { } depth ? new(q, qPhi, depth, M) : null;
}

namespace ScaleSweep.Sweeps.Reports;

/// <summary>The settings of one DMFT theory curve of a report (see <see cref="Dmft.DmftCurveRequest"/>).</summary>
/// <param name="N">Width; null is N = infinity (written "inf").</param>
/// <param name="B">Batch size; null is B = infinity (written "inf").</param>
/// <param name="Modes">The solver's mode budget (at most M modes are used).</param>
/// <param name="P">Training-set size of an eq. 41 curve; null online (written "inf").</param>
[GenerateSerializer, Immutable]
public sealed record DmftCurveConfig(
    [property: Id(0)] double Alpha,
    [property: Id(1)] double Beta,
    [property: Id(2)] double Gamma,
    [property: Id(3)] long? N,
    [property: Id(4)] long? B,
    [property: Id(5)] double Eta,
    [property: Id(6)] int M,
    [property: Id(7)] long Steps,
    [property: Id(8)] int PointsPerDecade,
    [property: Id(9)] int Modes,
    [property: Id(10)] long? P = null);

namespace ScaleSweep.Sweeps.Grid;

/// <summary>The parameters shared by the training-set sizes of one data-scaling line (loss against P).</summary>
/// <param name="B">The spec's batch entry: null is the full batch (B = P at each P), a number is that minibatch at every P.</param>
[GenerateSerializer, Immutable]
public sealed record DataScalingConfig(
    [property: Id(0)] double Alpha,
    [property: Id(1)] double Beta,
    [property: Id(2)] double Gamma,
    [property: Id(3)] int N,
    [property: Id(4)] long? B,
    [property: Id(5)] double Eta);

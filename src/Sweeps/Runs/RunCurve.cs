namespace ScaleSweep.Sweeps.Runs;

/// <summary>A run's recorded loss curve, as it crosses the wire and lands in blob storage.</summary>
/// <param name="Steps">Recorded steps (log-spaced, step 0 first).</param>
/// <param name="Loss">Loss at each recorded step.</param>
/// <param name="WeightNormPerWidth">|w|^2 / N at each recorded step, for the models that record it; else empty.</param>
[GenerateSerializer, Immutable]
public sealed record RunCurve(
    [property: Id(0)] long[] Steps,
    [property: Id(1)] double[] Loss,
    [property: Id(2)] double[] WeightNormPerWidth);

namespace ScaleSweep.Sweeps.Reports;

/// <summary>A point of the compute-optimal frontier: at compute C = N t the best loss L is reached at width N.</summary>
/// <param name="Interior">False where the best N is the smallest or largest width of the sweep, so the true optimum may lie outside.</param>
[GenerateSerializer, Immutable]
public sealed record FrontierPointReport(
    [property: Id(0)] double C,
    [property: Id(1)] double L,
    [property: Id(2)] int N,
    [property: Id(3)] bool Interior);

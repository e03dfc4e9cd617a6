namespace ScaleSweep.Grains.Abstractions.Reports;

/// <summary>The paper's prediction beside a measured value: the exponent and the task phase (hard, easy, super-easy).</summary>
[GenerateSerializer, Immutable]
public sealed record TheoryReport(
    [property: Id(0)] double Exponent,
    [property: Id(1)] string Phase);

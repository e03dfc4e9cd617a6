namespace ScaleSweep.Grains.Abstractions.Reports;

/// <summary>A fitted power law L ~ t^-Exponent over Window, with a 95% bootstrap interval over seeds.</summary>
[GenerateSerializer, Immutable]
public sealed record FitReport(
    [property: Id(0)] double Exponent,
    [property: Id(1)] double[] Ci,
    [property: Id(2)] long[] Window);

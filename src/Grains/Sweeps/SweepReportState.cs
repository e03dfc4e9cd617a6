using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>A completed sweep's report, stored apart from the run table so progress writes stay small.</summary>
[GenerateSerializer]
public sealed class SweepReportState
{
    [Id(0)] public SweepReport? Report { get; set; }
}

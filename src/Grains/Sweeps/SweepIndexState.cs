using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>Every sweep submitted to the cluster.</summary>
[GenerateSerializer]
public sealed class SweepIndexState
{
    [Id(0)] public List<SweepSummary> Sweeps { get; set; } = [];
}

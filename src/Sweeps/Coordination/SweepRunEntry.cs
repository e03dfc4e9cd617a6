using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>What a sweep knows of one of its runs. The run grain holds the truth; this is the sweep's view.</summary>
[GenerateSerializer]
public sealed class SweepRunEntry
{
    [Id(0)] public required string Key { get; init; }

    [Id(1)] public RunStatus Status { get; set; } = RunStatus.Pending;

    /// <summary>Last step heard of; the run's total once it is final.</summary>
    [Id(2)] public long Step { get; set; }
}

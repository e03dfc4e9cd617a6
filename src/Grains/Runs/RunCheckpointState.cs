namespace ScaleSweep.Grains.Runs;

/// <summary>The newest snapshot of a running simulation (blob storage); cleared once the run is final.</summary>
[GenerateSerializer]
public sealed class RunCheckpointState
{
    [Id(0)] public long Step { get; set; }

    [Id(1)] public byte[]? Snapshot { get; set; }

    [Id(2)] public double ComputeSeconds { get; set; }
}

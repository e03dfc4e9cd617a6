namespace ScaleSweep.Grains.Workers;

/// <summary>A snapshot a worker took at <paramref name="Step"/>, waiting for its grain to store it.</summary>
public sealed record RunJobCheckpoint(long Step, byte[] Snapshot, double ComputeSeconds);

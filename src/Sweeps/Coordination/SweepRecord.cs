using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A sweep's stored state (the sweep grain's, in blob storage): the spec and the sweep's view of each
/// run, in grid order. <see cref="SweepBook"/> reads and changes it.
/// </summary>
[GenerateSerializer]
public sealed class SweepRecord
{
    [Id(0)] public SweepSpec? Spec { get; set; }

    [Id(1)] public SweepState State { get; set; } = SweepState.Unknown;

    [Id(2)] public List<SweepRunEntry> Runs { get; set; } = [];

    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    [Id(4)] public string? Error { get; set; }

    /// <summary>
    /// Set when the silo running the sweep shut down (its grain deactivated while running), cleared when an
    /// activation resumes it: what a read-only silo reports as <see cref="SweepState.Interrupted"/>.
    /// </summary>
    [Id(5)] public bool Interrupted { get; set; }

    /// <summary>Keys of the theory curves that are final, so a read-only silo can count them without asking their grains.</summary>
    [Id(6)] public List<string> TheoryFinished { get; set; } = [];
}

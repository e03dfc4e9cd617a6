using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A sweep's stored state (the sweep grain's, in blob storage): the spec and the sweep's view of its
/// groups (<see cref="GroupTable"/>): nothing in it grows with the number of runs.
/// <see cref="SweepBook"/> reads and changes it.
/// </summary>
[GenerateSerializer]
public sealed class SweepRecord
{
    [Id(0)] public SweepSpec? Spec { get; set; }

    [Id(1)] public SweepState State { get; set; } = SweepState.Unknown;

    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    [Id(4)] public string? Error { get; set; }

    /// <summary>
    /// Set when the silo running the sweep shut down (its grain deactivated while running), cleared when an
    /// activation resumes it: what a read-only silo reports as <see cref="SweepState.Interrupted"/>.
    /// </summary>
    [Id(5)] public bool Interrupted { get; set; }

    /// <summary>Keys of the theory curves that are final, so a read-only silo can count them without asking their grains.</summary>
    [Id(6)] public List<string> TheoryFinished { get; set; } = [];

    /// <summary>Groups 0 .. DonePrefix - 1 are done: their aggregates are stored.</summary>
    [Id(7)] public int DonePrefix { get; set; }

    /// <summary>Groups done beyond <see cref="DonePrefix"/>, in order.</summary>
    [Id(8)] public List<int> DoneBeyond { get; set; } = [];

    /// <summary>The done groups' runs, summed.</summary>
    [Id(9)] public GroupTotals DoneTotals { get; set; } = GroupTotals.Zero;

    /// <summary>The last totals of each group that reported and is not done.</summary>
    [Id(10)] public Dictionary<int, GroupTotals> Active { get; set; } = [];

    /// <summary>Wall seconds the report took to gather and build, once it is built (for the CLI's timing line).</summary>
    [Id(11)] public double? ReportSeconds { get; set; }
}

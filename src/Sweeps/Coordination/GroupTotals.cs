using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// Runs of one group (or of many, summed) by status, with the steps and compute they account for: what a
/// group grain reports to its sweep, and what the sweep adds up for its status without walking any run.
/// </summary>
/// <param name="Runs">Runs counted.</param>
/// <param name="Pending">Waiting to be handed to their grains.</param>
/// <param name="Queued">Handed to a silo, waiting there for a worker slot.</param>
/// <param name="Computing">On a worker slot now.</param>
/// <param name="Completed">Completed.</param>
/// <param name="Diverged">Diverged.</param>
/// <param name="Failed">Failed.</param>
/// <param name="Cancelled">Cancelled.</param>
/// <param name="StepsDone">SGD steps done; a run that ended counts whole.</param>
/// <param name="ComputeSeconds">Worker seconds of the runs that ended (completed, diverged, failed).</param>
[GenerateSerializer, Immutable]
public sealed record GroupTotals(
    [property: Id(0)] int Runs,
    [property: Id(1)] int Pending,
    [property: Id(2)] int Queued,
    [property: Id(3)] int Computing,
    [property: Id(4)] int Completed,
    [property: Id(5)] int Diverged,
    [property: Id(6)] int Failed,
    [property: Id(7)] int Cancelled,
    [property: Id(8)] long StepsDone,
    [property: Id(9)] double ComputeSeconds)
{
    /// <summary>Nothing counted.</summary>
    public static GroupTotals Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Runs that ended (completed, diverged, failed): those whose compute is in <see cref="ComputeSeconds"/>.</summary>
    public int Ended => Completed + Diverged + Failed;

    /// <summary>Runs that will not change any more.</summary>
    public int Final => Ended + Cancelled;

    /// <summary>The two added.</summary>
    public GroupTotals Plus(GroupTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new GroupTotals(
            Runs + other.Runs, Pending + other.Pending, Queued + other.Queued, Computing + other.Computing, Completed + other.Completed,
            Diverged + other.Diverged, Failed + other.Failed, Cancelled + other.Cancelled, StepsDone + other.StepsDone,
            ComputeSeconds + other.ComputeSeconds);
    }

    /// <summary>These runs as a status shows them: queued ones among the running.</summary>
    public RunCounts ToRunCounts() => new(Runs, Pending, Queued + Computing, Completed, Diverged, Failed, Cancelled);
}

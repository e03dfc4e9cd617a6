namespace ScaleSweep.Sweeps.Reports;

/// <summary>How many of a sweep's runs stand at each status.</summary>
[GenerateSerializer, Immutable]
public sealed record RunCounts(
    [property: Id(0)] int Total,
    [property: Id(1)] int Pending,
    [property: Id(2)] int Running,
    [property: Id(3)] int Completed,
    [property: Id(4)] int Diverged,
    [property: Id(5)] int Failed,
    [property: Id(6)] int Cancelled)
{
    /// <summary>Runs that will not change any more.</summary>
    public int Finished => Completed + Diverged + Failed + Cancelled;

    /// <summary>The two added.</summary>
    public RunCounts Plus(RunCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new RunCounts(Total + other.Total, Pending + other.Pending, Running + other.Running, Completed + other.Completed,
            Diverged + other.Diverged, Failed + other.Failed, Cancelled + other.Cancelled);
    }
}

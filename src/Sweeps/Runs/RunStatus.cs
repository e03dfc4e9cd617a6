namespace ScaleSweep.Sweeps.Runs;

/// <summary>Where a run stands. Completed, Diverged, Failed and Cancelled are final.</summary>
[GenerateSerializer]
public enum RunStatus
{
    /// <summary>Known to its sweep, not yet handed to a run grain.</summary>
    Pending,

    /// <summary>Waiting for a worker slot on its silo.</summary>
    Queued,

    /// <summary>Being computed.</summary>
    Running,

    /// <summary>Reached its last step.</summary>
    Completed,

    /// <summary>The loss blew up; the curve stops at the step it did.</summary>
    Diverged,

    /// <summary>Threw more often than the retry limit; the reason is kept.</summary>
    Failed,

    /// <summary>Every sweep that wanted it was cancelled before it finished.</summary>
    Cancelled,
}

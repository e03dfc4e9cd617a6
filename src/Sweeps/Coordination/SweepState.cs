namespace ScaleSweep.Sweeps.Coordination;

/// <summary>Where a sweep stands as a whole.</summary>
[GenerateSerializer]
public enum SweepState
{
    /// <summary>No spec was ever submitted under this id.</summary>
    Unknown,

    /// <summary>Runs are pending or running.</summary>
    Running,

    /// <summary>Every run is final and the report is stored.</summary>
    Completed,

    /// <summary>Cancelled by the user; finished runs stay stored.</summary>
    Cancelled,

    /// <summary>The sweep cannot go on (its report could not be built); the reason is kept.</summary>
    Failed,

    /// <summary>
    /// Stored as running, but nothing computes its runs: the silo that ran it shut down (an embedded
    /// `scalesweep run` stopped with Ctrl+C). Only a read-only silo reports it (see DispatchOptions.ReadOnly);
    /// any other activation resumes the sweep from its checkpoints and reports it running.
    /// </summary>
    Interrupted,
}

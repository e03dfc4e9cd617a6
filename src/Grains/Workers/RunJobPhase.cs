namespace ScaleSweep.Grains.Workers;

/// <summary>Where a job stands in the worker pool.</summary>
public enum RunJobPhase
{
    /// <summary>Waiting for a free worker.</summary>
    Queued,

    /// <summary>A worker is advancing it.</summary>
    Running,

    /// <summary>Finished, stopped or failed; <see cref="RunJob.Outcome"/> says which.</summary>
    Done,
}

namespace ScaleSweep.Grains.Workers;

/// <summary>Where a job stands in the worker pool.</summary>
public enum WorkerJobPhase
{
    /// <summary>Waiting for a free worker.</summary>
    Queued,

    /// <summary>A worker is computing it.</summary>
    Running,

    /// <summary>Finished, stopped or failed; the job's outcome says which.</summary>
    Done,
}

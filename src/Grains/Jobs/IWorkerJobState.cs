using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Jobs;

/// <summary>The part of a job grain's stored state that <see cref="WorkerJobGrain{TState, TJob, TOutcome}"/> manages.</summary>
public interface IWorkerJobState
{
    /// <summary>Where the work stands; queued or running with no live job means its activation is gone.</summary>
    RunStatus Status { get; set; }

    /// <summary>Who wants the work (sweeps, groups of sweeps) and is told when it is final.</summary>
    HashSet<string> Subscribers { get; }

    /// <summary>Times the work was started or continued, for tests and diagnostics.</summary>
    int Executions { get; set; }
}

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// A unit of CPU work the <see cref="WorkerPool"/> runs on one of its dedicated threads (a simulation, a
/// DMFT solve), as its owning grain sees it: what it computes, how far it got, and how to stop it.
/// </summary>
public interface IWorkerJob
{
    /// <summary>The content address of what is computed (a run key or a theory curve key).</summary>
    string Key { get; }

    /// <summary>Where the job stands in the pool.</summary>
    WorkerJobPhase Phase { get; }

    /// <summary>The last step the worker finished (0 for work without steps).</summary>
    long Step { get; }

    /// <summary>True once <see cref="Stop"/> was called.</summary>
    bool IsStopRequested { get; }

    /// <summary>Asks the worker to stop: a queued job never starts, a running one ends at its next step.</summary>
    void Stop();
}

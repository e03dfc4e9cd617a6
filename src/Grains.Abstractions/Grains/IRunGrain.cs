using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// Owns one simulation, keyed by its run key (<see cref="SimulationConfig.Fingerprint"/>): runs it on
/// the silo's worker pool, checkpoints it, stores its final state and curve in one row of the results
/// table, and tells the groups that asked for it when it is done. Every call returns at once; none waits
/// for the simulation.
/// </summary>
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records that <paramref name="subscriber"/> wants this run and starts it unless it is running or
    /// final. A final run is reported back to the subscriber at once, without recomputing. A run whose
    /// stored state says queued or running (its silo died) continues from its last checkpoint.
    /// </summary>
    /// <param name="config">The run's configuration; its fingerprint must equal this grain's key.</param>
    /// <param name="subscriber">The group (<see cref="GroupKeys"/>) to notify on completion.</param>
    /// <param name="checkpointSeconds">Compute seconds between checkpoints; null takes the silo's setting.</param>
    /// <param name="storedAbsent">
    /// The caller read the run's partition and found no row: the grain skips reading it (a new sweep's
    /// runs then cost no read each).
    /// </param>
    Task<RunProgress> Request(SimulationConfig config, string subscriber, double? checkpointSeconds, bool storedAbsent = false);

    /// <summary>The run's status as this activation knows it: pending when it holds nothing (it reads no storage).</summary>
    Task<RunProgress> GetProgress();

    /// <summary>The run's configuration, status and curve as stored; null if it was never stored.</summary>
    /// <param name="config">The run's configuration; its fingerprint must equal this grain's key.</param>
    Task<RunResult?> GetResult(SimulationConfig config);

    /// <summary>
    /// <paramref name="subscriber"/> no longer wants the run; when no one does, the work stops (the last
    /// checkpoint stays, so a later request resumes from it).
    /// </summary>
    Task Release(string subscriber);
}

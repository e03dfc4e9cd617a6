using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// Owns one simulation, keyed by its run key (<see cref="SimulationConfig.Fingerprint"/>): runs it on
/// the silo's worker pool, checkpoints it, stores its curve, and tells the sweeps that asked for it
/// when it is done. Every call returns at once; none waits for the simulation.
/// </summary>
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records that <paramref name="sweepId"/> wants this run and starts it unless it is running or
    /// final. A final run is reported back to the sweep at once, without recomputing.
    /// </summary>
    /// <param name="config">The run's configuration; its fingerprint must equal this grain's key.</param>
    /// <param name="sweepId">The sweep to notify on completion.</param>
    /// <param name="checkpointSeconds">Compute seconds between checkpoints; null takes the silo's setting.</param>
    Task<RunProgress> Request(SimulationConfig config, string sweepId, double? checkpointSeconds);

    /// <summary>The run's status now.</summary>
    Task<RunProgress> GetProgress();

    /// <summary>The run's configuration, status and curve; null if it was never requested.</summary>
    Task<RunResult?> GetResult();

    /// <summary>
    /// <paramref name="sweepId"/> no longer wants the run; when no sweep does, the work stops (the last
    /// checkpoint stays, so a later request resumes from it).
    /// </summary>
    Task Release(string sweepId);
}

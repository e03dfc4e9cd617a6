using Orleans.Concurrency;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// The coordinator of one sweep, keyed by <see cref="SweepSpec.Id"/>: stores the spec and where its groups
/// stand, shares the runs the cluster can take in flight among its groups (<see cref="IGroupGrain"/>), and
/// assembles the report from the groups' aggregates when all are final.
/// </summary>
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and stores the spec, then starts dispatching. Submitting the spec of a sweep that
    /// exists returns its status and changes nothing (a finished sweep is not recomputed).
    /// </summary>
    /// <exception cref="SweepSpecException">The spec breaks a rule or a cap of this cluster.</exception>
    Task<SweepStatus> Submit(SweepSpec spec);

    /// <summary>Progress now.</summary>
    [AlwaysInterleave]
    Task<SweepStatus> GetStatus();

    /// <summary>The report of a completed sweep; null before.</summary>
    [AlwaysInterleave]
    Task<SweepReport?> GetReport();

    /// <summary>The stored spec; null for an unknown id.</summary>
    [AlwaysInterleave]
    Task<SweepSpec?> GetSpec();

    /// <summary>
    /// The per-seed loss curves of group <paramref name="group"/> (grid order, 0 to the grid's group count
    /// minus 1) of a completed sweep, with their seeds and the group's config, read from the group's stored
    /// outcome without activating its grain. One group per call: a client streams them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sweep is not completed, or a stored curve's seed cannot be recovered.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such group.</exception>
    [AlwaysInterleave]
    Task<GroupSeedCurves> GetSeedCurves(int group);

    /// <summary>Stops dispatching and releases the runs in flight; finished runs stay stored.</summary>
    Task<SweepStatus> Cancel();

    /// <summary>Dispatches again a cancelled or interrupted sweep's unfinished runs.</summary>
    Task<SweepStatus> Resume();

    /// <summary>A group grain reports where it stands (it does so when it changed, and when it is done).</summary>
    [OneWay]
    Task OnGroupProgress(GroupProgress progress);

    /// <summary>A theory grain reports that one of this sweep's theory curves is final.</summary>
    [OneWay]
    Task OnDmftCurveFinished(DmftCurveProgress progress);
}

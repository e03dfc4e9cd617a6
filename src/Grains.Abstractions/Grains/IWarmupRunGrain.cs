using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// A scratch run of a starting silo's warm-up across its cluster, keyed by <see cref="WarmupKeys"/>: the
/// call a group makes of a run grain (<see cref="IRunGrain.Request"/>), with the same wire types, answered
/// the way a run answers (its group told when it starts and ends, its row written in a batch), but into a
/// scratch partition of the results table that the warm-up deletes, and with no counter moved.
/// </summary>
public interface IWarmupRunGrain : IGrainWithStringKey
{
    /// <summary>As <see cref="IRunGrain.Request"/>: returns at once, queued; the run reports to <paramref name="subscriber"/>.</summary>
    /// <param name="config">The run's configuration.</param>
    /// <param name="subscriber">The warm-up group (<see cref="IWarmupGroupGrain"/>) to tell.</param>
    /// <param name="checkpointSeconds">Unused: a scratch run stores no checkpoint. Present so the call has a run's shape.</param>
    /// <param name="storedAbsent">Unused: a scratch run reads no row.</param>
    Task<RunProgress> Request(SimulationConfig config, string subscriber, double? checkpointSeconds, bool storedAbsent = false);
}

using Orleans.Runtime;
using ScaleSweep.Grains.Abstractions.Grains;

namespace ScaleSweep.Grains.Placement;

/// <summary>See <see cref="IWorkerBoardGrain"/>.</summary>
public sealed class WorkerBoardGrain(IClusterMembershipService membership) : Grain, IWorkerBoardGrain
{
    // A silo that has not posted for this long is presumed gone, even before membership says so.
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    private readonly Dictionary<SiloAddress, WorkerLoad> _loads = [];

    public Task<WorkerLoad[]> Post(WorkerLoad load)
    {
        _loads[load.Silo] = load with { At = DateTime.UtcNow };
        return Read();
    }

    public Task<WorkerLoad[]> Read()
    {
        DateTime cutoff = DateTime.UtcNow - Expiry;
        ClusterMembershipSnapshot snapshot = membership.CurrentSnapshot;
        foreach (SiloAddress silo in _loads.Keys.ToArray())
        {
            if (_loads[silo].At < cutoff || snapshot.GetSiloStatus(silo) is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            {
                _loads.Remove(silo);
            }
        }

        return Task.FromResult(_loads.Values.ToArray());
    }
}

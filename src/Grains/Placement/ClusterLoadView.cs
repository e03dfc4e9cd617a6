using Orleans.Runtime;
using ScaleSweep.Grains.Abstractions.Grains;

namespace ScaleSweep.Grains.Placement;

/// <summary>
/// This silo's picture of every silo's worker pool, refreshed from the <see cref="IWorkerBoardGrain"/>
/// every second by <see cref="WorkerLoadPublisher"/>. Placement reads it, and so do sweeps to size
/// their dispatch to the cluster's slots.
/// </summary>
public sealed class ClusterLoadView
{
    private readonly object _gate = new();
    private Dictionary<SiloAddress, WorkerLoad> _loads = [];
    private Dictionary<SiloAddress, int> _placedSinceRefresh = [];
    private int _localSlots = 1;
    private int _rotation;

    /// <summary>Worker slots of every live silo (at least this silo's own before the first refresh).</summary>
    public int TotalSlots
    {
        get
        {
            lock (_gate)
            {
                return _loads.Count == 0 ? _localSlots : _loads.Values.Sum(l => l.Slots);
            }
        }
    }

    internal void SetLocalSlots(int slots)
    {
        lock (_gate)
        {
            _localSlots = slots;
        }
    }

    internal void Refresh(IEnumerable<WorkerLoad> loads)
    {
        lock (_gate)
        {
            _loads = loads.ToDictionary(l => l.Silo);
            _placedSinceRefresh = [];
        }
    }

    /// <summary>
    /// Picks the silo with the lowest fraction of busy slots, counting the activations placed since the
    /// last refresh (else a burst of placements would all land on the silo that looked idlest).
    /// Silos that have not posted yet count as one idle slot. Ties rotate.
    /// </summary>
    public SiloAddress Choose(SiloAddress[] compatible)
    {
        if (compatible.Length == 0)
        {
            throw new InvalidOperationException("No silo can host a run grain.");
        }

        lock (_gate)
        {
            int start = _rotation++ & int.MaxValue;
            SiloAddress best = compatible[start % compatible.Length];
            double bestScore = double.MaxValue;
            for (int k = 0; k < compatible.Length; k++)
            {
                SiloAddress silo = compatible[(start + k) % compatible.Length];
                (int slots, int busy) = _loads.TryGetValue(silo, out WorkerLoad? load) ? (Math.Max(load.Slots, 1), load.Busy) : (1, 0);
                int placed = _placedSinceRefresh.GetValueOrDefault(silo);
                double score = (busy + placed + 1.0) / slots;
                if (score < bestScore)
                {
                    bestScore = score;
                    best = silo;
                }
            }

            _placedSinceRefresh[best] = _placedSinceRefresh.GetValueOrDefault(best) + 1;
            return best;
        }
    }
}

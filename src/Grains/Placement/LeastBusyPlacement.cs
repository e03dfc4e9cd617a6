namespace ScaleSweep.Grains.Placement;

/// <summary>
/// Places a run grain on the silo with the most free worker slots, as seen in <see cref="ClusterLoadView"/>.
/// </summary>
/// <remarks>
/// Why not Orleans' own: random placement put 5 of 6 runs on one silo in a trial, and activation-count
/// placement put every run a coordinator fanned out on the coordinator's own silo (its statistics are
/// gossiped every few seconds, far slower than a coordinator dispatches). Runs are few, long and
/// CPU-bound, so the right measure is worker slots, not activations.
/// </remarks>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class LeastBusyPlacement : PlacementStrategy
{
    internal static readonly LeastBusyPlacement Singleton = new();
}

namespace ScaleSweep.Grains.Abstractions;

/// <summary>
/// The version of what silos of one cluster exchange and share: grain interfaces, the records and
/// surrogates that cross the wire, and the grain state they store. Silos of different versions never
/// run in one cluster: a silo refuses to join a running cluster of another version (see
/// docs/cluster.md, "Joining a cluster").
/// </summary>
/// <remarks>
/// Bump it when a release cannot work beside the previous one: a grain method removed or changed, a
/// wire or stored field renamed or retyped, or numerics whose results differ
/// (<see cref="Numerics.Models.SimulationConfig.NumericsVersion"/>). Orleans' serializer tolerates
/// added fields, so adding one needs no bump, and releases of the same version upgrade one silo at a time.
/// </remarks>
public static class WireFormat
{
    // 2: the worker board's interface and WorkerLoad moved to this assembly (their wire names changed).
    // 3: group grains between sweeps and runs; run state in the results table; run grains' and sweeps' interfaces changed.
    public const int Version = 3;
}

using Orleans.Concurrency;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// The groups now taking runs from one partition of the results table (one grid point, all its seeds),
/// keyed by the partition. A group reads its partition once and tells its run grains which rows it found
/// absent, so that a new sweep's runs cost no read each. That absence holds only while no other sweep's
/// group can store a run of the partition: a run shared by two running sweeps may be stored (and its grain
/// gone) after one group's read. So a group joins here before it reads, and while another group is here
/// both stop passing absences on (their runs then read their rows, and a shared run is computed once).
/// </summary>
public interface IPartitionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds <paramref name="group"/>; when another group is here, tells each of them
    /// (<see cref="IGroupGrain.OnPartitionShared"/>) before it returns.
    /// </summary>
    /// <returns>True when another group takes runs from the partition too.</returns>
    Task<bool> Join(string group);

    /// <summary>Removes <paramref name="group"/>: it is final or cancelled.</summary>
    [OneWay]
    Task Leave(string group);
}

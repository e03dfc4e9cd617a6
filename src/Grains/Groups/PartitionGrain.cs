using Microsoft.Extensions.Logging;
using Orleans.Placement;
using ScaleSweep.Grains.Abstractions.Grains;

namespace ScaleSweep.Grains.Groups;

/// <summary>
/// The groups taking runs from one partition (see <see cref="IPartitionGrain"/>), in memory: kept alive while
/// any group is here. Should its silo die, a later group finds none here and may pass absences on while an
/// earlier one does too; the cost is at most a shared run computed twice (its second write conflicts,
/// and both sweeps get the stored, identical result), never a wrong number.
/// </summary>
[PreferLocalPlacement]
public sealed class PartitionGrain(ILogger<PartitionGrain> logger) : Grain, IPartitionGrain
{
    // A year: as long as "until the last group leaves" needs to be, and far from DateTime's overflow.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromDays(365);

    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);

    public async Task<bool> Join(string group)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        _groups.Add(group);
        // Idle collection would forget its groups: kept until the last leaves.
        this.DelayDeactivation(KeepAlive);
        string[] others = [.. _groups.Where(g => g != group)];
        if (others.Length == 0)
        {
            return false;
        }

        // Before the joiner reads the partition: afterwards no group here passes an absence on.
        await Task.WhenAll(others.Select(g => GrainFactory.GetGrain<IGroupGrain>(g).OnPartitionShared()));
        logger.LogDebug("Partition {Key}: group {Group} joins {Count} other group(s); none passes absences on", this.GetPrimaryKeyString(), group, others.Length);
        return true;
    }

    public Task Leave(string group)
    {
        _groups.Remove(group);
        if (_groups.Count == 0)
        {
            this.DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }
}

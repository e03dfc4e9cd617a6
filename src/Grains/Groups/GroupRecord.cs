using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Grains.Groups;

/// <summary>A group grain's stored state (blob storage): written once, when its seeds are final and aggregated.</summary>
[GenerateSerializer]
public sealed class GroupRecord
{
    /// <summary>The group's part of the report; null until the group is done.</summary>
    [Id(0)] public GroupOutcome? Outcome { get; set; }

    /// <summary>Its runs by final status, steps and compute, for the sweep's counters.</summary>
    [Id(1)] public GroupTotals? Totals { get; set; }
}

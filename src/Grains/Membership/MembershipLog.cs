using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using ScaleSweep.Grains.Hosting;

namespace ScaleSweep.Grains.Membership;

/// <summary>
/// Logs every change of the cluster's membership as this silo sees it ("silo S10.0.0.12:11111:... is now
/// Dead (was Active); 2 active"), at Information: the lines an operator reads to know when a machine was
/// declared dead, and from which the multi-host tests measure detection times.
/// </summary>
public sealed class MembershipLog(IClusterMembershipService membership, ILogger<MembershipLog> logger) : SiloLoop
{
    protected override async Task RunAsync()
    {
        ClusterMembershipSnapshot previous = membership.CurrentSnapshot;
        try
        {
            await foreach (ClusterMembershipSnapshot snapshot in membership.MembershipUpdates.WithCancellation(Stopping))
            {
                int active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
                foreach (ClusterMember member in snapshot.Members.Values)
                {
                    SiloStatus before = previous.GetSiloStatus(member.SiloAddress);
                    if (before != member.Status)
                    {
                        logger.LogInformation("Cluster membership: silo {Silo} is now {Status} (was {Before}); {Active} active", member.SiloAddress, member.Status, before, active);
                    }
                }

                previous = snapshot;
            }
        }
        catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
        {
        }
    }
}

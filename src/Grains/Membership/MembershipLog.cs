using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ScaleSweep.Grains.Membership;

/// <summary>
/// Logs every change of the cluster's membership as this silo sees it ("silo S10.0.0.12:11111:... is now
/// Dead (was Active); 2 active"), at Information: the lines an operator reads to know when a machine was
/// declared dead, and from which the multi-host tests measure detection times.
/// </summary>
public sealed class MembershipLog(IClusterMembershipService membership, ILogger<MembershipLog> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MembershipLog), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        _loop = Task.Run(Loop);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task Loop()
    {
        ClusterMembershipSnapshot previous = membership.CurrentSnapshot;
        try
        {
            await foreach (ClusterMembershipSnapshot snapshot in membership.MembershipUpdates.WithCancellation(_stop.Token))
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
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}

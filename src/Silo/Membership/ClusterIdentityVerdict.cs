using System.Globalization;

namespace ScaleSweep.Silo.Membership;

/// <summary>The decision of <see cref="For"/>, with the one line a refused silo prints.</summary>
public sealed record ClusterIdentityVerdict(ClusterIdentityAction Action, string? Refusal)
{
    /// <summary>
    /// Decides whether a silo of identity <paramref name="own"/> may join cluster <paramref name="clusterId"/>.
    /// A cluster id belongs to one service id for good: a silo of another service would serve another
    /// service's grains from the same membership (Orleans itself checks only the cluster id). A wire
    /// version holds while any silo of the cluster runs; once none does (<paramref name="runningSilos"/>
    /// is 0), the next silo to start sets it: that is how an incompatible release is rolled out.
    /// </summary>
    /// <param name="stored">The identity stored for the cluster id; null when none is.</param>
    /// <param name="runningSilos">Silos of the cluster alive in its membership table (only read when the versions differ).</param>
    public static ClusterIdentityVerdict For(string clusterId, ClusterIdentity own, ClusterIdentity? stored, Func<int> runningSilos)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(runningSilos);
        if (stored is null)
        {
            return new ClusterIdentityVerdict(ClusterIdentityAction.Create, null);
        }

        if (!string.Equals(stored.ServiceId, own.ServiceId, StringComparison.Ordinal))
        {
            return Refuse(clusterId,
                $"ScaleSweep:Silo:ServiceId is '{own.ServiceId}' but the cluster's is '{stored.ServiceId}'; set it to '{stored.ServiceId}', or give another service another ScaleSweep:Silo:ClusterId");
        }

        if (stored.WireVersion == own.WireVersion)
        {
            return new ClusterIdentityVerdict(ClusterIdentityAction.Join, null);
        }

        int running = runningSilos();
        if (running == 0)
        {
            return new ClusterIdentityVerdict(ClusterIdentityAction.Replace, null);
        }

        return Refuse(clusterId, string.Create(CultureInfo.InvariantCulture,
            $"this silo's wire format is version {own.WireVersion} but the cluster's {running} running silo(s) use version {stored.WireVersion}; versions that differ cannot run side by side: stop every silo of the cluster, then start the new version"));
    }

    private static ClusterIdentityVerdict Refuse(string clusterId, string reason) =>
        new(ClusterIdentityAction.Refuse, $"scalesweep-silo: refused to join cluster '{clusterId}': {reason}");
}

using ScaleSweep.Silo.Membership;

namespace ScaleSweep.Grains.Tests.Membership;

/// <summary>Whether a silo may join: one service id per cluster id for good, one wire version while any silo runs.</summary>
public sealed class ClusterIdentityVerdictTests
{
    private static readonly ClusterIdentity Own = new("scalesweep", 4);

    [Fact]
    public void Nothing_stored_creates_the_identity()
    {
        ClusterIdentityVerdict verdict = ClusterIdentityVerdict.For("prod", Own, stored: null, NotAsked);
        Assert.Equal(ClusterIdentityAction.Create, verdict.Action);
        Assert.Null(verdict.Refusal);
    }

    [Fact]
    public void The_same_identity_joins_without_looking_at_the_membership()
    {
        ClusterIdentityVerdict verdict = ClusterIdentityVerdict.For("prod", Own, new ClusterIdentity("scalesweep", 4), NotAsked);
        Assert.Equal(ClusterIdentityAction.Join, verdict.Action);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Another_service_id_is_refused_whether_or_not_silos_run_naming_the_setting_and_both_values(int running)
    {
        ClusterIdentityVerdict verdict = ClusterIdentityVerdict.For("prod", Own, new ClusterIdentity("other", 4), () => running);
        Assert.Equal(ClusterIdentityAction.Refuse, verdict.Action);
        Assert.Equal(
            "scalesweep-silo: refused to join cluster 'prod': ScaleSweep:Silo:ServiceId is 'scalesweep' but the cluster's is 'other'; set it to 'other', or give another service another ScaleSweep:Silo:ClusterId",
            verdict.Refusal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Another_wire_version_is_refused_while_silos_of_the_cluster_run(int storedVersion)
    {
        ClusterIdentityVerdict verdict = ClusterIdentityVerdict.For("prod", Own, new ClusterIdentity("scalesweep", storedVersion), () => 2);
        Assert.Equal(ClusterIdentityAction.Refuse, verdict.Action);
        Assert.Equal(
            $"scalesweep-silo: refused to join cluster 'prod': this silo's wire format is version 4 but the cluster's 2 running silo(s) use version {storedVersion}; versions that differ cannot run side by side: stop every silo of the cluster, then start the new version",
            verdict.Refusal);
    }

    [Fact]
    public void Another_wire_version_with_no_silo_running_replaces_the_stored_one()
    {
        ClusterIdentityVerdict verdict = ClusterIdentityVerdict.For("prod", Own, new ClusterIdentity("scalesweep", 3), () => 0);
        Assert.Equal(ClusterIdentityAction.Replace, verdict.Action);
        Assert.Null(verdict.Refusal);
    }

    private static int NotAsked() => throw new InvalidOperationException("the membership must not be read");
}

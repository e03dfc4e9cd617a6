namespace ScaleSweep.Silo.Membership;

/// <summary>What a silo about to join does with the identity stored for its cluster id.</summary>
public enum ClusterIdentityAction
{
    /// <summary>The stored identity is this silo's: join.</summary>
    Join,

    /// <summary>Nothing is stored: store this silo's identity (unless another silo stores one first), then join.</summary>
    Create,

    /// <summary>The stored wire version differs but no silo of the cluster runs: store this silo's version, then join.</summary>
    Replace,

    /// <summary>Do not join: the service id differs, or running silos have another wire version.</summary>
    Refuse,
}

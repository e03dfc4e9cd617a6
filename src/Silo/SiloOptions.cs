namespace ScaleSweep.Silo;

/// <summary>How a silo joins its cluster, bound from configuration section "ScaleSweep:Silo".</summary>
public sealed class SiloOptions
{
    public const string Section = "ScaleSweep:Silo";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "scalesweep";

    /// <summary>Names the stored state; keep it across deployments so sweeps survive them.</summary>
    public string ServiceId { get; set; } = "scalesweep";

    /// <summary>
    /// "Localhost": a development cluster on this machine whose primary silo listens on
    /// <see cref="PrimarySiloPort"/>. "AzureStorage": membership in the storage account's tables, for
    /// several machines and for clusters that must survive any one silo.
    /// </summary>
    public string Clustering { get; set; } = "Localhost";

    /// <summary>
    /// "Process" (default): a process on a machine, listening on and advertising <see cref="Address"/>.
    /// "Kubernetes": a pod of a Deployment (Microsoft.Orleans.Hosting.Kubernetes): the silo advertises
    /// the pod's IP, listens on every address of the pod, takes its name, service and cluster ids from
    /// the pod's environment, and removes silos whose pods are gone; needs "AzureStorage" clustering.
    /// </summary>
    public string Hosting { get; set; } = "Process";

    /// <summary>Port of silo-to-silo traffic.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients (the scalesweep CLI) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silo port of the primary silo, for Localhost clustering.</summary>
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary>Address the silo listens on and tells others; loopback unless set. Not used with Kubernetes hosting.</summary>
    public string Address { get; set; } = "127.0.0.1";
}

namespace ScaleSweep.Grains.Hosting;

/// <summary>Names of the grain storage providers: table storage for small state, blob storage for the large.</summary>
public static class StorageNames
{
    /// <summary>Run status, timings and subscribers (Azure Table storage).</summary>
    public const string Runs = "runs";

    /// <summary>Recorded loss curves (Azure Blob storage).</summary>
    public const string Curves = "curves";

    /// <summary>Snapshots of running simulations, up to megabytes each (Azure Blob storage).</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>Sweep specs, their run tables and reports, and the sweep index (Azure Blob storage).</summary>
    public const string Sweeps = "sweeps";
}

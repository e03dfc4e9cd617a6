namespace ScaleSweep.Grains.Hosting;

/// <summary>Names of the grain storage providers: table storage for small state, blob storage for the large.</summary>
public static class StorageNames
{
    /// <summary>DMFT theory curves (Azure Blob storage). Runs' state and curves are in the results table (<see cref="Results.RunResultTable"/>).</summary>
    public const string Curves = "curves";

    /// <summary>Snapshots of running simulations, up to megabytes each (Azure Blob storage).</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>Sweep records and reports, group aggregates, and the sweep index (Azure Blob storage).</summary>
    public const string Sweeps = "sweeps";
}

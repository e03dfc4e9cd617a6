namespace ScaleSweep.Client.Cluster;

/// <summary>A connection to a ScaleSweep cluster: a remote one through a gateway, or the embedded one.</summary>
internal interface IClusterSession : IAsyncDisposable
{
    /// <summary>Grain references of the cluster.</summary>
    IGrainFactory Grains { get; }

    /// <summary>Where the session runs, for messages ("gateway 127.0.0.1:30000", "embedded silo").</summary>
    string Description { get; }

    /// <summary>True for the embedded silo: stopping the CLI stops the cluster (the sweep resumes on the next run).</summary>
    bool IsEmbedded { get; }
}

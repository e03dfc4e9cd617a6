namespace ScaleSweep.Client.Cluster;

/// <summary>Settings of the embedded default.</summary>
/// <param name="DeployDirectory">deploy/ folder; null finds it (see <see cref="DeployLocator"/>).</param>
/// <param name="DataDirectory">Where Azurite keeps its data; null is deploy/local/data.</param>
/// <param name="Workers">Worker slots; null is one per core.</param>
/// <param name="ReadOnly">For commands that only read sweeps: the silo resumes none (see DispatchOptions.ReadOnly).</param>
internal sealed record EmbeddedSettings(string? DeployDirectory, string? DataDirectory, int? Workers, bool ReadOnly = false);

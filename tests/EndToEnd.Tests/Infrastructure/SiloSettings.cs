namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>How <see cref="SiloProcess.StartAsync(SiloSettings, TimeSpan)"/> starts one silo.</summary>
public sealed record SiloSettings
{
    public required string ClusterId { get; init; }

    /// <summary>"Localhost" (a primary silo at <see cref="PrimarySiloPort"/>) or "AzureStorage" (any silo may die).</summary>
    public required string Clustering { get; init; }

    public required int SiloPort { get; init; }

    public required int GatewayPort { get; init; }

    /// <summary>The primary's silo port, for Localhost clustering.</summary>
    public required int PrimarySiloPort { get; init; }

    public required string ConnectionString { get; init; }

    public required string Prefix { get; init; }

    public required int Workers { get; init; }

    /// <summary>The console log; appended to, so a restarted silo can share it.</summary>
    public required string LogFile { get; init; }

    /// <summary>More environment variables for the silo (set last, so they win).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

using System.Collections;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// The embedded silo's telemetry settings, taken from the same environment variables a silo process reads
/// (<c>ScaleSweep__Telemetry__OtlpEndpoint=http://127.0.0.1:4317</c>): the embedded host starts without
/// the default configuration sources, so that no other <c>ScaleSweep__Silo__*</c> variable can move its
/// ports or cluster, and gets only this section from the environment.
/// </summary>
internal static class EmbeddedTelemetry
{
    private const string Prefix = "ScaleSweep__Telemetry__";

    /// <summary>The configuration entries ("ScaleSweep:Telemetry:Key" = value) the environment sets.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                yield return new KeyValuePair<string, string?>("ScaleSweep:Telemetry:" + name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal), entry.Value as string);
            }
        }
    }
}

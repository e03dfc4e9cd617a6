namespace ScaleSweep.Grains.Warmup;

/// <summary>
/// The silo's start-up warm-up (<see cref="SiloWarmup"/>), bound from configuration section "ScaleSweep:Warmup".
/// </summary>
public sealed class WarmupOptions
{
    public const string Section = "ScaleSweep:Warmup";

    /// <summary>
    /// Whether a starting silo runs a tiny in-process batch of runs through the run pipeline's code (numerics,
    /// wire and row encodings, group aggregation) before it becomes active in its cluster, so that its first sweep does not
    /// compile that code while it computes. Nothing is stored and no counter moves.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Wall seconds after which the warm-up starts no further round (a round is a few milliseconds once its code
    /// is compiled); the silo's start waits at most about this long for it.
    /// </summary>
    public double MaxSeconds { get; set; } = 1.5;

    /// <summary>
    /// Whether the silo, once active in its cluster and before its start ends, also sends rounds of a tiny scratch
    /// sweep through the cluster and its storage (scratch grains on every silo, a scratch partition of the results
    /// table and a group record's blob, deleted after each round), so that its first sweep does not compile
    /// Orleans' messaging, serialization and the storage client's code while it computes.
    /// </summary>
    public bool Cluster { get; set; } = true;

    /// <summary>Wall seconds the cluster part may take at most (its rounds take a fraction of a second each once compiled).</summary>
    public double ClusterMaxSeconds { get; set; } = 5;
}

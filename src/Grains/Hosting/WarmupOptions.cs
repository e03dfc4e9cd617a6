namespace ScaleSweep.Grains.Hosting;

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
}

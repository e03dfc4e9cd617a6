namespace ScaleSweep.Grains.Workers;

/// <summary>The silo's worker pool, bound from configuration section "ScaleSweep:Workers".</summary>
public sealed class WorkerPoolOptions
{
    public const string Section = "ScaleSweep:Workers";

    /// <summary>Simulations computed at once on this silo; 0 (the default) means one per core.</summary>
    public int Count { get; set; }

    /// <summary>Compute seconds between checkpoints of a run, unless its sweep says otherwise.</summary>
    public double CheckpointSeconds { get; set; } = 30;

    /// <summary>Times a run that throws is started again before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The worker count in effect.</summary>
    public int EffectiveCount => Count > 0 ? Count : Environment.ProcessorCount;
}

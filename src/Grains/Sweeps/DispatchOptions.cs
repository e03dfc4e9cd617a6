namespace ScaleSweep.Grains.Sweeps;

/// <summary>How a sweep feeds the cluster, bound from configuration section "ScaleSweep:Dispatch".</summary>
public sealed class DispatchOptions
{
    public const string Section = "ScaleSweep:Dispatch";

    /// <summary>
    /// Runs kept in flight per worker slot of the cluster. Above 1, a slot whose run just ended starts
    /// the next queued one at once instead of waiting for the storage round trips of the hand-over,
    /// which dominate for short runs; long runs barely notice the short queue.
    /// </summary>
    public int RunsPerSlot { get; set; } = 2;

    /// <summary>
    /// A silo that only reads sweeps (the embedded silo of `status`, `list`, `results`): the sweeps it activates
    /// neither dispatch nor resume, re-read their stored state on each status call (another process may be
    /// running them), and a running sweep whose silo shut down reports itself interrupted.
    /// </summary>
    public bool ReadOnly { get; set; }
}

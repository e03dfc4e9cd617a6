namespace ScaleSweep.Grains.Sweeps;

/// <summary>How a sweep feeds the cluster, bound from configuration section "ScaleSweep:Dispatch" (see <see cref="DispatchDepth"/>).</summary>
public sealed class DispatchOptions
{
    public const string Section = "ScaleSweep:Dispatch";

    /// <summary>
    /// Fewest runs kept in flight per worker slot of the cluster. Above 1, a slot whose run just ended starts
    /// the next queued one at once instead of waiting for the hand-over's round trips.
    /// </summary>
    public int RunsPerSlot { get; set; } = 2;

    /// <summary>
    /// Most runs kept in flight per worker slot, however short the runs are. Every run in flight is work
    /// queued on some silo's scheduler (its request, activation, notifications), which a status call waits
    /// behind: 32 kept tiny runs' throughput and halved the status round trip under load against 256
    /// (docs/large-sweeps.md#dispatch-depth); 16 lost throughput on 3 silos.
    /// </summary>
    public int MaxRunsPerSlot { get; set; } = 32;

    /// <summary>
    /// Seconds a hand-over takes (a run's end stored and reported, the next run's request and activation),
    /// which a slot's queue must cover: slots are kept busy with 1 + HandOverSeconds / (mean run seconds)
    /// runs each. Storage writes are batched, so this is a latency, not a cost per run.
    /// </summary>
    public double HandOverSeconds { get; set; } = 0.25;

    /// <summary>Most runs of one sweep in flight at once, whatever the cluster's size (bounds the activations it holds).</summary>
    public int MaxRunsInFlight { get; set; } = 16_384;

    /// <summary>
    /// A silo that only reads sweeps (the embedded silo of `status`, `list`, `results`): the sweeps it activates
    /// neither dispatch nor resume, re-read their stored state on each status call (another process may be
    /// running them), and a running sweep whose silo shut down reports itself interrupted.
    /// </summary>
    public bool ReadOnly { get; set; }
}

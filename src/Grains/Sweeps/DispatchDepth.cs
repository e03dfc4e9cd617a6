namespace ScaleSweep.Grains.Sweeps;

/// <summary>
/// How many runs a sweep keeps in flight: enough per worker slot that a slot never waits for a hand-over
/// (measured from the runs that ended so far), few enough that long runs do not pile up in queues.
/// </summary>
public static class DispatchDepth
{
    /// <summary>The budget of runs in flight for <paramref name="slots"/> worker slots.</summary>
    /// <param name="slots">Worker slots of the cluster (at least 1 is assumed).</param>
    /// <param name="meanRunSeconds">Mean worker seconds of the sweep's runs that ended; null before the first.</param>
    /// <param name="options">The bounds.</param>
    public static int Budget(int slots, double? meanRunSeconds, DispatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int low = Math.Max(1, options.RunsPerSlot);
        int high = Math.Max(low, options.MaxRunsPerSlot);
        double perSlot = meanRunSeconds is > 0 and var mean
            ? 1 + Math.Ceiling(Math.Max(0, options.HandOverSeconds) / mean)
            : low;
        int depth = (int)Math.Clamp(perSlot, low, high);
        long budget = (long)Math.Max(1, slots) * depth;
        return (int)Math.Min(budget, Math.Max(1, options.MaxRunsInFlight));
    }
}

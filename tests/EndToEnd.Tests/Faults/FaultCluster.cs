using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Faults;

/// <summary>What the fault tests' clusters share: silo settings and waiting for runs to be worth interrupting.</summary>
public static class FaultCluster
{
    /// <summary>
    /// Run grains log their queueing, resumption and stored outcome (debug), and the membership service
    /// its decisions (information), so the tests can tell from the logs what happened where and when.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["Logging__LogLevel__ScaleSweep"] = "Debug",
        ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",

        // One run per worker slot: the checks replay each silo's queue first in, first out from the
        // "queued" log lines to tell which lost runs had computed; with a deeper queue that order is
        // not the log's order.
        ["ScaleSweep__Dispatch__RunsPerSlot"] = "1",
    };

    /// <summary>Time a whole fault sweep may take, recovery included, on 2 busy cores.</summary>
    public static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(150);

    public static SiloCluster Create(FaultScenario scenario, int size, string clustering, string connectionString) =>
        new(Path.Combine(scenario.DirectoryPath, "silos"), size, clustering, workers: 2, connectionString, Environment);

    /// <summary>
    /// A run checkpointed at most this far is not about to end (the fault sweep's runs take
    /// <see cref="FaultSweep.Steps"/> steps, seconds), so a fault right after the wait still finds it in flight.
    /// </summary>
    public const long LatestUsefulCheckpoint = FaultSweep.Steps * 3 / 4;

    /// <summary>
    /// Waits until one of the candidate slots has runs that have computed there for at least
    /// <paramref name="minRunning"/> and returns the slot with the most such runs.
    /// </summary>
    public static Task<int> PickVictimAsync(SiloCluster cluster, IReadOnlyList<int> candidates, TimeSpan minRunning, TimeSpan timeout) =>
        PickAsync(cluster, candidates, timeout, $"a run computing for {minRunning.TotalSeconds:F1} s",
            (events, source, now) => FaultChecks.InFlight(events, source, now, cluster.Workers).Count(r => r.ComputedFor(now) >= minRunning));

    /// <summary>
    /// Waits until one of the candidate slots has a run in flight with a stored checkpoint (not about to
    /// end) and returns the slot with the most such runs: losing it shows whether runs continue from
    /// their checkpoints.
    /// </summary>
    public static Task<int> PickCheckpointedVictimAsync(SiloCluster cluster, IReadOnlyList<int> candidates, TimeSpan timeout) =>
        PickAsync(cluster, candidates, timeout, "a checkpointed run in flight",
            (events, source, now) => FaultChecks.CheckpointedInFlight(events, source, now, cluster.Workers, LatestUsefulCheckpoint, DateTime.MinValue));

    private static async Task<int> PickAsync(SiloCluster cluster, IReadOnlyList<int> candidates, TimeSpan timeout, string wanted,
        Func<IReadOnlyList<RunEvent>, string, DateTime, int> count)
    {
        int victim = -1;
        await FaultScenario.WaitForAsync(() =>
        {
            IReadOnlyList<RunEvent> events = cluster.RunEvents();
            DateTime now = DateTime.UtcNow;
            int best = 0;
            foreach (int slot in candidates)
            {
                int worth = count(events, cluster.Source(slot), now);
                if (worth > best)
                {
                    (best, victim) = (worth, slot);
                }
            }

            return best > 0;
        }, timeout, () => $"no silo of {string.Join(", ", candidates)} had {wanted}:\n{FaultChecks.Describe(cluster.RunEvents())}");
        return victim;
    }

    /// <summary>Waits until a run queued since <paramref name="since"/> is in flight somewhere with a stored checkpoint, not about to end.</summary>
    public static Task WaitForCheckpointedRunAsync(SiloCluster cluster, TimeSpan timeout, DateTime? since = null) =>
        FaultScenario.WaitForAsync(
            () => FaultChecks.CheckpointedInFlight(cluster.RunEvents(), null, DateTime.UtcNow, cluster.Workers, LatestUsefulCheckpoint, since ?? DateTime.MinValue) > 0,
            timeout, () => $"no checkpointed run in flight:\n{FaultChecks.Describe(cluster.RunEvents())}");

    /// <summary>Waits until some runs have computed for at least <paramref name="minRunning"/> anywhere in the cluster.</summary>
    public static Task WaitForRunsInFlightAsync(SiloCluster cluster, int count, TimeSpan minRunning, TimeSpan timeout, DateTime? since = null) =>
        FaultScenario.WaitForAsync(() =>
        {
            DateTime now = DateTime.UtcNow;
            return FaultChecks.InFlight(cluster.RunEvents(), now, cluster.Workers).Count(r => r.ComputedFor(now) >= minRunning && r.QueuedAt >= (since ?? DateTime.MinValue)) >= count;
        }, timeout, () => $"fewer than {count} runs computed for {minRunning.TotalSeconds:F1} s:\n{FaultChecks.Describe(cluster.RunEvents())}");

    /// <summary>The first membership message after the fault on a silo other than the failed ones that says a silo is dead.</summary>
    public static SiloLogLine? FirstDeathDeclaration(SiloCluster cluster, IReadOnlyCollection<string> failedSources, DateTime fault) =>
        cluster.Lines()
            .Where(l => l.Time >= fault && !failedSources.Contains(l.Source) && l.Category.Contains("Membership", StringComparison.Ordinal)
                && l.Message.Contains("dead", StringComparison.OrdinalIgnoreCase))
            .MinBy(l => l.Time);
}

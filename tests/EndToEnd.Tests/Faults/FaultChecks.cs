using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Faults;

/// <summary>
/// A run that was in a silo's hands when a fault hit it: when it was queued there, and when a worker
/// took it up (null: still waiting for a worker).
/// </summary>
public sealed record RunInFlight(string Key, string Source, DateTime QueuedAt, DateTime? StartedAt)
{
    /// <summary>How long it had computed by <paramref name="at"/> (zero while it waited).</summary>
    public TimeSpan ComputedFor(DateTime at) => StartedAt is { } started && at > started ? at - started : TimeSpan.Zero;
}

/// <summary>The assertions every fault test makes on the silos' logs.</summary>
public static class FaultChecks
{
    /// <summary>The runs in the source's hands at <paramref name="at"/> (see <see cref="InFlight(IReadOnlyList{RunEvent}, DateTime, int)"/>).</summary>
    public static IReadOnlyList<RunInFlight> InFlight(IReadOnlyList<RunEvent> events, string source, DateTime at, int workers) =>
        InFlight(events, at, workers).Where(r => r.Source == source).ToList();

    /// <summary>
    /// Runs queued somewhere at or before <paramref name="at"/> and not stored by then, each with the silo
    /// it was queued on last. A silo's pool runs <paramref name="workers"/> jobs at once in queueing order,
    /// so a job's start is estimated by replaying its silo's queueings and stored outcomes: a job starts
    /// when it is queued if a worker is free, else when the one before it ends.
    /// </summary>
    public static IReadOnlyList<RunInFlight> InFlight(IReadOnlyList<RunEvent> events, DateTime at, int workers)
    {
        RunEvent[] upTo = events.Where(e => e.Time <= at).OrderBy(e => e.Time).ToArray();
        var started = new Dictionary<(string Source, string Key), DateTime>();
        var running = new Dictionary<string, List<string>>();
        var waiting = new Dictionary<string, List<string>>();
        foreach (RunEvent e in upTo)
        {
            if (e.Kind is RunEventKind.Resumed or RunEventKind.Checkpointed or RunEventKind.StoreLost)
            {
                continue;
            }

            // A run queued again (on this silo or another) ended its earlier job; a stored one is done.
            foreach (string silo in running.Keys)
            {
                if (running[silo].Remove(e.Key) | waiting[silo].Remove(e.Key))
                {
                    while (running[silo].Count < workers && waiting[silo].Count > 0)
                    {
                        running[silo].Add(waiting[silo][0]);
                        started[(silo, waiting[silo][0])] = e.Time;
                        waiting[silo].RemoveAt(0);
                    }
                }
            }

            if (e.Kind == RunEventKind.Queued)
            {
                List<string> busy = running.TryGetValue(e.Source, out List<string>? list) ? list : running[e.Source] = [];
                List<string> queue = waiting.TryGetValue(e.Source, out List<string>? wait) ? wait : waiting[e.Source] = [];
                started.Remove((e.Source, e.Key));
                if (busy.Count < workers)
                {
                    busy.Add(e.Key);
                    started[(e.Source, e.Key)] = e.Time;
                }
                else
                {
                    queue.Add(e.Key);
                }
            }
        }

        var inFlight = new List<RunInFlight>();
        foreach (IGrouping<string, RunEvent> run in upTo.GroupBy(e => e.Key))
        {
            if (run.Any(e => e.Kind == RunEventKind.Stored))
            {
                continue;
            }

            RunEvent? queued = run.Where(e => e.Kind == RunEventKind.Queued).MaxBy(e => e.Time);
            if (queued is not null)
            {
                inFlight.Add(new RunInFlight(run.Key, queued.Source, queued.Time,
                    started.TryGetValue((queued.Source, run.Key), out DateTime start) ? start : null));
            }
        }

        return inFlight;
    }

    /// <summary>
    /// The runs the failed silos had in flight at the fault and did not store themselves: a silo may log
    /// a stored outcome a few milliseconds after the test sent its signal, and that run was not lost.
    /// </summary>
    public static IReadOnlyList<RunInFlight> Lost(IReadOnlyList<RunEvent> events, IReadOnlyCollection<string> failedSources, DateTime fault, int workers) =>
        InFlight(events, fault, workers)
            .Where(r => failedSources.Contains(r.Source)
                && !events.Any(e => e.Key == r.Key && e.Kind == RunEventKind.Stored && e.Source == r.Source && e.Time >= r.QueuedAt))
            .ToList();

    /// <summary>
    /// The newest checkpoint the run's silo logged as stored for its job before <paramref name="before"/>:
    /// the log line comes after the table row naming the checkpoint was written, so a later activation
    /// must continue from that step or a later one.
    /// </summary>
    public static RunEvent? LastCheckpoint(IReadOnlyList<RunEvent> events, RunInFlight run, DateTime before) =>
        events.Where(e => e.Key == run.Key && e.Kind == RunEventKind.Checkpointed && e.Source == run.Source && e.Time >= run.QueuedAt && e.Time <= before)
            .MaxBy(e => e.Time);

    /// <summary>
    /// Runs worth interrupting: in flight on <paramref name="source"/> (any silo when null) at
    /// <paramref name="now"/>, with a checkpoint logged since they were queued there, at a step at most
    /// <paramref name="maxStep"/> so that the run is not about to end.
    /// </summary>
    public static int CheckpointedInFlight(IReadOnlyList<RunEvent> events, string? source, DateTime now, int workers, long maxStep, DateTime since) =>
        InFlight(events, now, workers).Count(r => (source is null || r.Source == source) && r.QueuedAt >= since
            && LastCheckpoint(events, r, now) is { } checkpoint && checkpoint.Step <= maxStep);

    /// <summary>
    /// No run lost, none computed to completion twice: every one of the sweep's runs was queued, and the
    /// logs of every silo (the failed ones included) hold exactly one "stored as Completed|Diverged" for it.
    /// </summary>
    public static void AssertEachRunStoredOnce(IReadOnlyList<RunEvent> events, int runs)
    {
        string[] keys = events.Select(e => e.Key).Distinct().ToArray();
        Assert.True(keys.Length == runs, $"the logs name {keys.Length} runs, the sweep has {runs}:\n{Describe(events)}");
        foreach (string key in keys)
        {
            RunEvent[] stored = events.Where(e => e.Key == key && e.Kind == RunEventKind.Stored).ToArray();
            Assert.True(stored.Length == 1 && stored[0].Status is "Completed" or "Diverged",
                $"run {key[..12]} was stored {stored.Length} times ({string.Join(", ", stored.Select(s => $"{s.Status} on {s.Source} at {s.Time:HH:mm:ss.fff}"))}), not exactly once as Completed or Diverged:\n{Describe(events.Where(e => e.Key == key))}");
        }
    }

    /// <summary>
    /// Every lost run resumed on a silo other than the failed ones after the fault; returns, for each, the
    /// resumption its computation went on from: the last one there before its first checkpoint or store
    /// there (the last one, if it has neither yet). A run stores nothing before its first checkpoint (its
    /// group asks again for it), so one lost before that shows its resumption as "queued from step 0"
    /// rather than "resumes". A new activation may also queue a run from step 0 while the leaving silo's
    /// final snapshot is being stored, and take it up from that snapshot before computing anything that
    /// lasts: what counts is where the stored computation continued, and any step computed and thrown away
    /// shows as a checkpoint or store from the earlier resumption.
    /// </summary>
    public static IReadOnlyList<RunEvent> Resumptions(IReadOnlyList<RunEvent> events, IReadOnlyList<RunInFlight> lost, IReadOnlyCollection<string> failedSources, DateTime fault)
    {
        var resumptions = new List<RunEvent>();
        foreach (RunInFlight run in lost)
        {
            DateTime? progressed = events
                .Where(e => e.Key == run.Key && e.Kind is RunEventKind.Checkpointed or RunEventKind.Stored && e.Time >= fault && !failedSources.Contains(e.Source))
                .MinBy(e => e.Time)?.Time;
            RunEvent? resumed = events
                .Where(e => IsResumption(e, run, failedSources, fault) && (progressed is null || e.Time <= progressed))
                .MaxBy(e => e.Time);
            Assert.True(resumed is not null, $"run {run.Key[..12]}, lost with {run.Source}, never resumed elsewhere:\n{Describe(events.Where(e => e.Key == run.Key))}");
            resumptions.Add(resumed);
        }

        return resumptions;
    }

    /// <summary>True when every lost run has resumed on another silo since the fault.</summary>
    public static bool AllResumed(IReadOnlyList<RunEvent> events, IReadOnlyList<RunInFlight> lost, IReadOnlyCollection<string> failedSources, DateTime fault) =>
        lost.All(run => events.Any(e => IsResumption(e, run, failedSources, fault)));

    private static bool IsResumption(RunEvent e, RunInFlight run, IReadOnlyCollection<string> failedSources, DateTime fault) =>
        e.Key == run.Key && e.Kind is RunEventKind.Resumed or RunEventKind.Queued && e.Time >= fault && !failedSources.Contains(e.Source);

    /// <summary>
    /// Recomputation is bounded by the checkpoint interval: every lost run resumed from the newest
    /// checkpoint its failed silo logged as stored, or a later one, and at least one lost run had one
    /// (the tests wait for such a run before the fault, so a run that never checkpoints fails here).
    /// </summary>
    public static void AssertResumedFromCheckpoints(IReadOnlyList<RunEvent> events, IReadOnlyList<RunInFlight> lost, IReadOnlyList<RunEvent> resumptions)
    {
        int checkpointed = 0;
        foreach (RunInFlight run in lost)
        {
            RunEvent resumed = resumptions.Single(r => r.Key == run.Key);
            if (LastCheckpoint(events, run, resumed.Time) is { } checkpoint)
            {
                checkpointed++;
                Assert.True(resumed.Step >= checkpoint.Step && resumed.Step > 0,
                    $"run {run.Key[..12]} was checkpointed on {run.Source} at step {checkpoint.Step} ({checkpoint.Time:HH:mm:ss.fff}), yet resumed on {resumed.Source} from step {resumed.Step}:\n{Describe(events.Where(e => e.Key == run.Key))}");
            }
        }

        Assert.True(checkpointed > 0, $"none of the {lost.Count} lost runs had a stored checkpoint:\n{Describe(events.Where(e => lost.Any(r => r.Key == e.Key)))}");
    }

    /// <summary>
    /// A graceful stop loses no computation: a lost run that had computed for longer than
    /// <paramref name="longerThan"/> before the fault resumed from a step past 0 (its final snapshot).
    /// </summary>
    /// <remarks>
    /// Exempt: a run whose leaving silo logged that it could not store its final snapshot. Orleans may
    /// activate the run on another silo while the leaving one still deactivates it; the new activation then
    /// writes first, the old one's store loses its ETag race, and the run continues from its last stored
    /// checkpoint instead (its result is the same; only work is repeated). Returns how many were exempt.
    /// </remarks>
    public static int AssertResumedPastZero(
        IReadOnlyList<RunEvent> events, IReadOnlyList<RunInFlight> lost, IReadOnlyList<RunEvent> resumptions, DateTime fault, TimeSpan longerThan)
    {
        int exempt = 0;
        foreach (RunInFlight run in lost)
        {
            RunEvent resumed = resumptions.Single(r => r.Key == run.Key);
            if (events.Any(e => e.Kind == RunEventKind.StoreLost && e.Key == run.Key && e.Source == run.Source && e.Time >= fault))
            {
                exempt++;
                continue;
            }

            if (run.ComputedFor(fault) > longerThan)
            {
                Assert.True(resumed.Step > 0,
                    $"run {run.Key[..12]} had computed on {run.Source} for {run.ComputedFor(fault).TotalSeconds:F1} s (> {longerThan.TotalSeconds:F1} s) before the fault, yet resumed on {resumed.Source} from step 0");
            }
        }

        return exempt;
    }

    /// <summary>The report's groups equal the uninterrupted reference's, byte for byte.</summary>
    public static void AssertSameGroups(string reference, string actual)
    {
        if (reference != actual)
        {
            int at = 0;
            while (at < Math.Min(reference.Length, actual.Length) && reference[at] == actual[at])
            {
                at++;
            }

            Assert.Fail($"the report's groups differ from the uninterrupted sweep's at character {at} of {reference.Length}:\n" +
                $"reference: ...{reference.Substring(Math.Max(0, at - 80), Math.Min(160, reference.Length - Math.Max(0, at - 80)))}...\n" +
                $"actual:    ...{actual.Substring(Math.Max(0, at - 80), Math.Min(160, actual.Length - Math.Max(0, at - 80)))}...");
        }
    }

    /// <summary>The events as lines, for failure messages.</summary>
    public static string Describe(IEnumerable<RunEvent> events) =>
        string.Join("\n", events.OrderBy(e => e.Time).Select(e =>
            $"  {e.Time:HH:mm:ss.fff} {e.Source,-10} {e.Key[..12]} {e.Kind}{(e.Kind == RunEventKind.Stored ? " " + e.Status : $" step {e.Step}")}"));
}

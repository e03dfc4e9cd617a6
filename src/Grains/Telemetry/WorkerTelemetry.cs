using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The worker pool's telemetry: the steps counter (counted per Advance slice, from the step a job
/// starts at, so a resumed run counts only the steps it computes again), one <c>run.chunk</c> span per
/// stretch of a job between checkpoints, and the slot gauges of every pool of this process.
/// </summary>
public static class WorkerTelemetry
{
    private static readonly ConditionalWeakTable<RunJob, JobTrace> Jobs = new();
    private static readonly ConcurrentDictionary<WorkerPool, string> Pools = new();

    /// <summary>Adds <paramref name="pool"/> to the slot gauges, tagged with the silo's endpoint, until the result is disposed.</summary>
    public static IDisposable Register(WorkerPool pool, string silo)
    {
        ArgumentNullException.ThrowIfNull(pool);
        Pools[pool] = silo;
        return new Registration(pool);
    }

    /// <summary>Hook: a job was queued; its spans will be children of the caller's activity (the run grain's request) if that is recorded.</summary>
    public static void Enqueued(RunJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Jobs.AddOrUpdate(job, new JobTrace(ScaleSweepActivities.RecordedAmbient(), job.ResumeFrom?.Step ?? 0));
    }

    /// <summary>Hook: a worker of <paramref name="pool"/> took the job.</summary>
    public static void Started(WorkerPool pool, RunJob job)
    {
        JobTrace trace = Trace(job);
        trace.Silo = Pools.GetValueOrDefault(pool);
        trace.StartChunk(job);
    }

    /// <summary>Hook: the worker advanced the job's simulation to <paramref name="step"/>.</summary>
    public static void Advanced(RunJob job, long step)
    {
        JobTrace trace = Trace(job);
        long delta = step - trace.Step;
        trace.Step = step;
        if (delta > 0)
        {
            ScaleSweepMetrics.Steps.Add(delta);
        }
    }

    /// <summary>Hook: the worker offered a checkpoint at <paramref name="step"/>: the chunk ends, the next begins.</summary>
    public static void Checkpointed(RunJob job, long step)
    {
        JobTrace trace = Trace(job);
        trace.Step = step;
        trace.EndChunk("checkpoint", null);
        trace.StartChunk(job);
    }

    /// <summary>Hook: the job ended with <paramref name="outcome"/>.</summary>
    public static void Finished(RunJob job, RunJobOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        JobTrace trace = Trace(job);
        trace.Step = Math.Max(trace.Step, outcome.Step);
        string end = outcome switch
        {
            { Status: SimulationStatus.Diverged } => "diverged",
            { Status: not null } => "completed",
            { Error: not null } => "error",
            _ => "stopped",
        };
        trace.EndChunk(end, outcome.Error);
    }

    /// <summary>The trace context a job's spans are children of (default when it has none).</summary>
    internal static ActivityContext ParentOf(RunJob? job) =>
        job is not null && Jobs.TryGetValue(job, out JobTrace? trace) ? trace.Parent : default;

    internal static IEnumerable<Measurement<int>> ObserveSlots()
    {
        foreach ((WorkerPool pool, string silo) in Pools)
        {
            int busy = Math.Min(pool.Running, pool.Slots);
            var siloTag = new KeyValuePair<string, object?>(TelemetryTags.Silo, silo);
            yield return new Measurement<int>(busy, siloTag, new KeyValuePair<string, object?>(TelemetryTags.SlotState, "busy"));
            yield return new Measurement<int>(pool.Slots - busy, siloTag, new KeyValuePair<string, object?>(TelemetryTags.SlotState, "free"));
        }
    }

    internal static IEnumerable<Measurement<int>> ObserveQueued()
    {
        foreach ((WorkerPool pool, string silo) in Pools)
        {
            yield return new Measurement<int>(pool.Queued, new KeyValuePair<string, object?>(TelemetryTags.Silo, silo));
        }
    }

    // A job queued before its pool's hooks saw it (none today) still counts its steps.
    private static JobTrace Trace(RunJob job) => Jobs.GetValue(job, j => new JobTrace(default, j.ResumeFrom?.Step ?? 0));

    private sealed class Registration(WorkerPool pool) : IDisposable
    {
        public void Dispose() => Pools.TryRemove(pool, out _);
    }

    /// <summary>What the hooks know of one job; only its worker thread touches it after it started.</summary>
    private sealed class JobTrace(ActivityContext parent, long step)
    {
        private Activity? _chunk;
        private long _chunkStart;
        private int _chunks;

        public ActivityContext Parent { get; } = parent;

        public long Step { get; set; } = step;

        public string? Silo { get; set; }

        public void StartChunk(RunJob job)
        {
            _chunkStart = Step;
            _chunk = ScaleSweepActivities.StartSpan(ScaleSweepActivities.RunChunk, Parent);
            if (_chunk is null)
            {
                return;
            }

            _chunk.SetTag(TelemetryTags.RunKey, job.Key);
            _chunk.SetTag("run.chunk.index", _chunks++);
            _chunk.SetTag("run.step.start", _chunkStart);
            if (Silo is not null)
            {
                _chunk.SetTag(TelemetryTags.Silo, Silo);
            }

            // The chunk is the worker thread's current activity until it stops, so what the worker logs
            // meanwhile carries its trace and span id.
        }

        public void EndChunk(string end, Exception? error)
        {
            if (_chunk is not { } chunk)
            {
                return;
            }

            _chunk = null;
            chunk.SetTag("run.step.end", Step);
            chunk.SetTag("run.steps", Step - _chunkStart);
            chunk.SetTag("run.chunk.end", end);
            if (error is not null)
            {
                chunk.SetTag(TelemetryTags.ErrorType, error.GetType().FullName);
                chunk.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            chunk.Stop();
        }
    }
}

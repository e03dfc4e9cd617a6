using System.Diagnostics;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// A run job's telemetry hooks, called on its worker thread: the steps counter (counted per Advance
/// slice, from the step a job starts at, so a resumed run counts only the steps it computes again) and
/// one <c>run.chunk</c> span per stretch of a job between checkpoints. Each job carries its own
/// <see cref="RunJobTrace"/>; the slot gauges are per silo (<see cref="WorkerPoolGauges"/>).
/// </summary>
public static class WorkerTelemetry
{
    /// <summary>Hook: a worker of the silo <paramref name="silo"/> took the job.</summary>
    public static void Started(RunJob job, string? silo)
    {
        ArgumentNullException.ThrowIfNull(job);
        job.Trace.Silo = silo;
        job.Trace.StartChunk(job.Key);
    }

    /// <summary>Hook: the worker advanced the job's simulation to <paramref name="step"/>.</summary>
    public static void Advanced(RunJob job, long step)
    {
        ArgumentNullException.ThrowIfNull(job);
        RunJobTrace trace = job.Trace;
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
        ArgumentNullException.ThrowIfNull(job);
        RunJobTrace trace = job.Trace;
        trace.Step = step;
        trace.EndChunk("checkpoint", null);
        trace.StartChunk(job.Key);
    }

    /// <summary>Hook: the job ended with <paramref name="outcome"/>.</summary>
    public static void Finished(RunJob job, RunJobOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(outcome);
        RunJobTrace trace = job.Trace;
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
    internal static ActivityContext ParentOf(RunJob? job) => job?.Trace.Parent ?? default;
}

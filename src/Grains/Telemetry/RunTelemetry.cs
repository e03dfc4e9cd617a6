using System.Diagnostics;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>The run grain's hooks: checkpoint writes (span, count, size, latency) and finished runs.</summary>
public static class RunTelemetry
{
    /// <summary>
    /// Hook: performs <paramref name="write"/> (the checkpoint's blob write) inside a <c>run.checkpoint</c>
    /// span, a child of the job's trace, and records its count, size and latency.
    /// </summary>
    public static async Task WriteCheckpoint(Func<Task> write, string runKey, RunJobCheckpoint checkpoint, RunJob? job)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(checkpoint);
        using Activity? span = ScaleSweepActivities.StartSpan(ScaleSweepActivities.Checkpoint, WorkerTelemetry.ParentOf(job));
        span?.SetTag(TelemetryTags.RunKey, runKey);
        span?.SetTag("run.step", checkpoint.Step);
        span?.SetTag("checkpoint.size", checkpoint.Snapshot.LongLength);
        long started = Stopwatch.GetTimestamp();
        try
        {
            await write();
        }
        catch (Exception e)
        {
            var error = new KeyValuePair<string, object?>(TelemetryTags.ErrorType, e.GetType().FullName);
            ScaleSweepMetrics.CheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, error);
            ScaleSweepMetrics.CheckpointWrites.Add(1, error);
            span?.SetTag(TelemetryTags.ErrorType, e.GetType().FullName);
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }

        ScaleSweepMetrics.CheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        ScaleSweepMetrics.CheckpointWrites.Add(1);
        ScaleSweepMetrics.CheckpointSize.Record(checkpoint.Snapshot.LongLength);
    }

    /// <summary>Hook: the run was stored with the final <paramref name="status"/> after <paramref name="computeSeconds"/> of compute.</summary>
    public static void Finished(RunStatus status, double computeSeconds)
    {
        var tag = new KeyValuePair<string, object?>(TelemetryTags.RunStatus, status switch
        {
            RunStatus.Completed => "completed",
            RunStatus.Diverged => "diverged",
            RunStatus.Failed => "failed",
            _ => status.ToString().ToLowerInvariant(),
        });
        ScaleSweepMetrics.RunsFinished.Add(1, tag);
        ScaleSweepMetrics.RunDuration.Record(computeSeconds, tag);
    }
}

using System.Diagnostics;
using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// What the telemetry hooks know of one <see cref="RunJob"/>: the trace its spans join, the step counted
/// so far, and the open <c>run.chunk</c> span. Only the job's worker thread touches it after it started.
/// </summary>
internal sealed class RunJobTrace(ActivityContext parent, long step)
{
    private Activity? _chunk;
    private long _chunkStart;
    private int _chunks;

    /// <summary>The trace context the job's spans are children of (default when the request was not recorded).</summary>
    public ActivityContext Parent { get; } = parent;

    public long Step { get; set; } = step;

    public string? Silo { get; set; }

    public void StartChunk(string runKey)
    {
        _chunkStart = Step;

        // The chunk is the worker thread's current activity until it stops, so what the worker logs
        // meanwhile carries its trace and span id.
        _chunk = ScaleSweepActivities.StartSpan(ScaleSweepActivities.RunChunk, Parent);
        if (_chunk is null)
        {
            return;
        }

        _chunk.SetTag(TelemetryTags.RunKey, runKey);
        _chunk.SetTag("run.chunk.index", _chunks++);
        _chunk.SetTag("run.step.start", _chunkStart);
        if (Silo is not null)
        {
            _chunk.SetTag(TelemetryTags.Silo, Silo);
        }
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

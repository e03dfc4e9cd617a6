using System.Collections.Concurrent;
using System.Diagnostics;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The trace of each running sweep coordinated on this silo (a DI singleton per silo), so that the
/// dispatches its timer makes join the trace its submit began.
/// </summary>
public sealed class SweepTraces
{
    private readonly ConcurrentDictionary<string, ActivityContext> _traces = new(StringComparer.Ordinal);

    /// <summary>Starts a span of a sweep in the sweep's trace.</summary>
    /// <param name="name">The span name (one of <see cref="ScaleSweepActivities"/>).</param>
    /// <param name="sweepId">The sweep.</param>
    /// <param name="joinsTrace">Without a stored trace, the span stores one: its submit parent's, or its own.</param>
    public Activity? Start(string name, string sweepId, bool joinsTrace)
    {
        if (!ScaleSweepActivities.Source.HasListeners())
        {
            return null;
        }

        // Without a stored trace the span's parent is the ambient activity (the incoming grain call's).
        bool stored = _traces.TryGetValue(sweepId, out ActivityContext parent);
        Activity? ambient = Activity.Current;
        Activity? activity = ScaleSweepActivities.StartSpan(name, parent);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.SweepId, sweepId);
            if (joinsTrace && !stored)
            {
                // The first dispatch joins the submit span that called it, or else begins the sweep's trace itself.
                _traces.TryAdd(sweepId, ambient is { Recorded: true } && ambient.Source == ScaleSweepActivities.Source ? ambient.Context : activity.Context);
            }
        }

        return activity;
    }

    /// <summary>The sweep has ended (or its coordinator left this silo): its next span begins a new trace.</summary>
    public void Forget(string sweepId) => _traces.TryRemove(sweepId, out _);
}

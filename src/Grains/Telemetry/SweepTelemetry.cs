using System.Diagnostics;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>The sweep grain's hooks: its spans, and its status for the gauges. One per silo (a DI singleton).</summary>
public sealed class SweepTelemetry(SweepStatusBoard board, SweepTraces traces)
{
    /// <summary>Hook: the span of <c>Submit</c>.</summary>
    public Activity? StartSubmit(string sweepId) =>
        traces.Start(ScaleSweepActivities.Submit, sweepId, joinsTrace: false);

    /// <summary>Hook: the span of one dispatched batch of <paramref name="runs"/> runs.</summary>
    public Activity? StartDispatch(string sweepId, int runs)
    {
        Activity? activity = traces.Start(ScaleSweepActivities.Dispatch, sweepId, joinsTrace: true);
        activity?.SetTag("sweep.dispatch.runs", runs);
        return activity;
    }

    /// <summary>
    /// Hook: the span of one batch of <paramref name="runs"/> runs a group of sweep <paramref name="sweepId"/>
    /// hands to their grains, in the trace of the call that first gave the group a budget
    /// (<paramref name="parent"/>), wherever the group lives.
    /// </summary>
    public static Activity? StartGroupDispatch(string sweepId, int runs, ActivityContext parent)
    {
        Activity? activity = ScaleSweepActivities.StartSpan(ScaleSweepActivities.Dispatch, parent);
        activity?.SetTag(TelemetryTags.SweepId, sweepId);
        activity?.SetTag("sweep.dispatch.runs", runs);
        return activity;
    }

    /// <summary>Hook: the span of collecting the results of <paramref name="runs"/> runs and building the report.</summary>
    public Activity? StartReport(string sweepId, int runs)
    {
        Activity? activity = traces.Start(ScaleSweepActivities.Report, sweepId, joinsTrace: false);
        activity?.SetTag("sweep.runs", runs);
        return activity;
    }

    /// <summary>Hook: the sweep's current status, for the gauges; returns it unchanged.</summary>
    /// <param name="grain">The sweep grain (its gauges leave with its activation).</param>
    /// <param name="status">Its status now.</param>
    public SweepStatus Publish(IGrainBase grain, SweepStatus status)
    {
        board.Publish(grain, status);
        if (status.State is not (SweepState.Running or SweepState.Unknown))
        {
            traces.Forget(status.Id);
        }

        return status;
    }
}

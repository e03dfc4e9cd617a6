using System.Diagnostics;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>The sweep grain's hooks: its spans, and its status for the gauges.</summary>
public static class SweepTelemetry
{
    /// <summary>Hook: the span of <c>Submit</c>.</summary>
    public static Activity? StartSubmit(string sweepId) =>
        ScaleSweepActivities.StartSweepSpan(ScaleSweepActivities.Submit, sweepId, joinsTrace: false);

    /// <summary>Hook: the span of one dispatched batch of <paramref name="runs"/> runs.</summary>
    public static Activity? StartDispatch(string sweepId, int runs)
    {
        Activity? activity = ScaleSweepActivities.StartSweepSpan(ScaleSweepActivities.Dispatch, sweepId, joinsTrace: true);
        activity?.SetTag("sweep.dispatch.runs", runs);
        return activity;
    }

    /// <summary>Hook: the span of collecting the results of <paramref name="runs"/> runs and building the report.</summary>
    public static Activity? StartReport(string sweepId, int runs)
    {
        Activity? activity = ScaleSweepActivities.StartSweepSpan(ScaleSweepActivities.Report, sweepId, joinsTrace: false);
        activity?.SetTag("sweep.runs", runs);
        return activity;
    }

    /// <summary>Hook: the sweep's current status, for the gauges; returns it unchanged.</summary>
    public static SweepStatus Publish(IGrainBase grain, SweepStatus status) => SweepStatusBoard.Publish(grain, status);
}

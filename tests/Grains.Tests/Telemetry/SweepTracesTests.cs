using System.Diagnostics;
using ScaleSweep.Grains.Telemetry;

namespace ScaleSweep.Grains.Tests.Telemetry;

/// <summary>Each silo's own registry of sweep traces: a sweep's spans join one trace until it is forgotten.</summary>
public sealed class SweepTracesTests
{
    [Fact]
    public void DispatchesJoinTheSweepsTraceOnTheirOwnSiloOnlyUntilForgotten()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ScaleSweepActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        Activity.Current = null;
        var silo = new SweepTraces();
        var otherSilo = new SweepTraces();
        const string sweep = "traces-unit-test";

        ActivityTraceId Span(SweepTraces traces)
        {
            using Activity activity = traces.Start(ScaleSweepActivities.Dispatch, sweep, joinsTrace: true)!;
            Assert.Equal(sweep, activity.GetTagItem(TelemetryTags.SweepId));
            return activity.TraceId;
        }

        ActivityTraceId first = Span(silo);
        Assert.Equal(first, Span(silo));
        Assert.NotEqual(first, Span(otherSilo));

        silo.Forget(sweep);
        ActivityTraceId next = Span(silo);
        Assert.NotEqual(first, next);
        Assert.Equal(next, Span(silo));
    }
}

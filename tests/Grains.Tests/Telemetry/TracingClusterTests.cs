using System.Collections.Concurrent;
using System.Diagnostics;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Telemetry;

/// <summary>A span the client starts, and the spans of the sweep on two silos: one trace.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TracingClusterTests
{
    [Fact]
    public async Task TheClientsSpanAndTheSweepsSpansOnEverySiloShareOneTraceId()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ScaleSweepActivities.SourceName or TestSourceName || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource(TestSourceName);

        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2, propagateTraces: true);
        SweepSpec spec = Specs.Small("telemetry-trace", steps: 200_000, checkpointSeconds: 0.05);
        ISweepGrain sweep = cluster.Sweep(spec);
        ActivityTraceId trace;
        using (Activity client = source.StartActivity("test.submit", ActivityKind.Client)!)
        {
            trace = client.TraceId;
            await sweep.Submit(spec);
        }

        Assert.Equal(SweepState.Completed, (await ClusterSweeps.WhileRunningAsync(sweep)).State);
        var keys = spec.Grid().Runs.Select(c => c.Fingerprint()).ToHashSet(StringComparer.Ordinal);
        Activity[] sweepSpans = stopped.Where(a => a.Source.Name == ScaleSweepActivities.SourceName && Equals(a.GetTagItem(TelemetryTags.SweepId), spec.Id())).ToArray();
        Activity[] runSpans = stopped.Where(a => a.Source.Name == ScaleSweepActivities.SourceName && a.GetTagItem(TelemetryTags.RunKey) is string key && keys.Contains(key)).ToArray();

        Assert.Single(sweepSpans, a => a.OperationName == ScaleSweepActivities.Submit);
        Assert.Contains(sweepSpans, a => a.OperationName == ScaleSweepActivities.Dispatch);
        Assert.Single(sweepSpans, a => a.OperationName == ScaleSweepActivities.Report);
        Assert.All(sweepSpans, a => Assert.Equal(trace, a.TraceId));

        Activity[] chunks = runSpans.Where(a => a.OperationName == ScaleSweepActivities.RunChunk).ToArray();
        Assert.Equal(keys.Count, chunks.Select(a => a.GetTagItem(TelemetryTags.RunKey)).Distinct().Count());
        Assert.Contains(runSpans, a => a.OperationName == ScaleSweepActivities.Checkpoint);
        Assert.All(runSpans, a => Assert.Equal(trace, a.TraceId));

        // The runs were computed on both silos, and the trace followed them there.
        Assert.Equal(2, chunks.Select(a => a.GetTagItem(TelemetryTags.Silo)).Distinct().Count());

        // Orleans' own spans of the run requests (client side on the coordinator, server side on the run's silo) are in it too.
        Assert.Contains(stopped, a => a.TraceId == trace && a.Kind == ActivityKind.Server && a.OperationName.Contains("IRunGrain", StringComparison.Ordinal));
    }

    private const string TestSourceName = "ScaleSweep.Tests";
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Telemetry;

/// <summary>
/// The "ScaleSweep" meter, read through OpenTelemetry's in-memory exporter, against what the sweep did.
/// In the Azurite collection: nothing else in this assembly advances simulations meanwhile, so the
/// process-wide counters hold this test's measurements only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MetricsClusterTests
{
    [Fact]
    public async Task ASmallSweepRecordsEveryRunOnceAndExactlyTheStepsItsRunsTook()
    {
        using var meter = new InMemoryMeter();
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2, propagateTraces: true);
        SweepSpec spec = Specs.Small("telemetry-metrics", steps: 200_000, checkpointSeconds: 0.05);
        SweepStatus status = await cluster.RunToEndAsync(spec);
        Assert.Equal(SweepState.Completed, status.State);
        long steps = 0;
        foreach (SimulationConfig config in spec.Grid().Runs)
        {
            RunResult result = (await cluster.Run(config).GetResult(config))!;
            steps += result.Progress.Step;
        }

        Dictionary<string, MetricSnapshot> last = meter.Latest();

        Assert.Equal(8, status.Runs.Completed);
        Assert.Equal(spec.Steps * 8, steps);
        Assert.Equal(steps, Sum(last["scalesweep.steps"]));
        Assert.Equal(8, Sum(last["scalesweep.runs.finished"], (TelemetryTags.RunStatus, "completed")));
        Assert.Equal(8, last["scalesweep.run.duration"].MetricPoints.Sum(p => p.GetHistogramCount()));

        // The gauges hold the counts of the status `scalesweep status` shows.
        var sweep = (TelemetryTags.SweepId, spec.Id());
        MetricSnapshot runs = last["scalesweep.sweep.runs"];
        Assert.Equal(status.Runs.Completed, Gauge(runs, sweep, (TelemetryTags.RunState, "completed")));
        Assert.Equal(status.Runs.Pending, Gauge(runs, sweep, (TelemetryTags.RunState, "pending")));
        Assert.Equal(status.Runs.Running, Gauge(runs, sweep, (TelemetryTags.RunState, "running")));
        Assert.Equal(status.Runs.Diverged, Gauge(runs, sweep, (TelemetryTags.RunState, "diverged")));
        Assert.Equal(status.Runs.Failed, Gauge(runs, sweep, (TelemetryTags.RunState, "failed")));
        Assert.Equal(status.StepsDone, Gauge(last["scalesweep.sweep.steps.done"], sweep));
        Assert.Equal(status.StepsTotal, Gauge(last["scalesweep.sweep.steps.planned"], sweep));

        long writes = Sum(last["scalesweep.checkpoint.writes"]);
        Assert.True(writes > 0, "no checkpoint was stored at 0.05 s intervals");
        Assert.Equal(writes, last["scalesweep.checkpoint.duration"].MetricPoints.Sum(p => p.GetHistogramCount()));
        Assert.True(last["scalesweep.checkpoint.size"].MetricPoints.Sum(p => p.GetHistogramSum()) > 0);

        // Two silos of one slot each: each reports its own slots, tagged with its endpoint.
        MetricSnapshot slots = last["scalesweep.worker.slots"];
        Assert.Equal(2, slots.MetricPoints.Select(p => Tag(p, TelemetryTags.Silo)).Distinct().Count());
        Assert.Equal(2, slots.MetricPoints.Sum(p => p.GetGaugeLastValueLong()));
    }

    [Fact]
    public async Task AStoppedAndResumedJobCountsEveryStepOnce()
    {
        SimulationConfig config = Specs.Small("telemetry-resume", steps: 20_000).Grid().Runs[0];
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ScaleSweepMetrics.MeterName && instrument.Name == "scalesweep.steps")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        using var pool = new WorkerPool(Options.Create(new WorkerPoolOptions { Count = 1 }), NullLogger<WorkerPool>.Instance);
        var simulations = new NumericsSimulationFactory();

        // The first job holds at step 100 until stopped: a short run would otherwise end before the test stops it.
        RunJob first = pool.Enqueue(new RunJob(config.Fingerprint(), config, null, TimeSpan.FromMinutes(10), new HoldingFactory(simulations, holdAt: 100)));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (first.Step < 100 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        first.Stop();
        RunJobOutcome stopped = await first.Outcome.WaitAsync(TimeSpan.FromSeconds(60));
        RunJobCheckpoint final = Assert.IsType<RunJobCheckpoint>(stopped.Final);
        Assert.InRange(final.Step, 100, config.Steps - 1);
        Assert.Equal(final.Step, Interlocked.Read(ref counted));

        RunJob second = pool.Enqueue(new RunJob(config.Fingerprint(), config, final, TimeSpan.FromMinutes(10), simulations));
        RunJobOutcome done = await second.Outcome.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(SimulationStatus.Completed, done.Status);
        Assert.Equal(config.Steps, done.Step);
        Assert.Equal(config.Steps, Interlocked.Read(ref counted));
    }

    [Fact]
    public async Task ACheckpointWriteRecordsCountSizeAndLatencyAndAFailedOneItsErrorType()
    {
        using var meter = new InMemoryMeter();
        var checkpoint = new RunJobCheckpoint(123, new byte[5000], 1.5);

        await RunTelemetry.WriteCheckpoint(() => Task.Delay(20), "run-a", checkpoint, job: null);
        await Assert.ThrowsAsync<TimeoutException>(() => RunTelemetry.WriteCheckpoint(() => throw new TimeoutException(), "run-a", checkpoint, job: null));

        Dictionary<string, MetricSnapshot> last = meter.Latest();
        Assert.Equal(1, Sum(last["scalesweep.checkpoint.writes"], (TelemetryTags.ErrorType, "System.TimeoutException")));
        Assert.Equal(2, Sum(last["scalesweep.checkpoint.writes"]));
        MetricPoint size = Assert.Single(last["scalesweep.checkpoint.size"].MetricPoints);
        Assert.Equal(1, size.GetHistogramCount());
        Assert.Equal(5000, size.GetHistogramSum());
        MetricPoint latency = last["scalesweep.checkpoint.duration"].MetricPoints.Single(p => Tag(p, TelemetryTags.ErrorType) is null);
        Assert.InRange(latency.GetHistogramSum(), 0.015, 10);
    }

    private static long Sum(MetricSnapshot metric, params (string Key, string Value)[] tags) =>
        metric.MetricPoints.Where(p => Matches(p, tags)).Sum(p => p.GetSumLong());

    private static long Gauge(MetricSnapshot metric, params (string Key, string Value)[] tags) =>
        metric.MetricPoints.Where(p => Matches(p, tags)).Select(p => p.GetGaugeLastValueLong()).Single();

    private static bool Matches(MetricPoint point, (string Key, string Value)[] tags) =>
        tags.All(t => Tag(point, t.Key) == t.Value);

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    /// <summary>Simulations that stop advancing at <c>holdAt</c> until their job is stopped.</summary>
    private sealed class HoldingFactory(ISimulationFactory inner, long holdAt) : ISimulationFactory
    {
        public ISimulation Create(SimulationConfig config) => new Holding(inner.Create(config), holdAt);

        public ISimulation Restore(SimulationConfig config, byte[] snapshot) => new Holding(inner.Restore(config, snapshot), holdAt);
    }

    private sealed class Holding(ISimulation inner, long holdAt) : ISimulation
    {
        public SimulationConfig Config => inner.Config;

        public long Step => inner.Step;

        public double Loss => inner.Loss;

        public SimulationStatus Status => inner.Status;

        public long? DivergedAtStep => inner.DivergedAtStep;

        public LossCurve Curve => inner.Curve;

        public long Advance(long maxSteps, CancellationToken cancellationToken = default)
        {
            if (inner.Step >= holdAt)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
                return 0;
            }

            return inner.Advance(Math.Min(maxSteps, holdAt - inner.Step), cancellationToken);
        }

        public byte[] Snapshot() => inner.Snapshot();
    }
}

using System.Diagnostics.Metrics;
using System.Reflection;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The "ScaleSweep" meter and its instruments. Counters and histograms are recorded by the worker pool
/// and the run grains; the gauges are observed from <see cref="SweepStatusBoard"/> (fed by the sweep
/// grains with the very <see cref="SweepStatus"/> the CLI shows); each silo's worker pool gauges are on a
/// meter of the same name that the silo owns (<see cref="WorkerPoolGauges"/>).
/// Without a listener (no exporter configured) every instrument costs next to nothing.
/// </summary>
public static class ScaleSweepMetrics
{
    /// <summary>Name of the meter (and of the activity source, <see cref="ScaleSweepActivities"/>).</summary>
    public const string MeterName = "ScaleSweep";

    public static readonly string Version =
        typeof(ScaleSweepMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static readonly Meter Meter = new(MeterName, Version);

    /// <summary>Simulation steps the worker pools advanced (a resumed run counts from its checkpoint step on).</summary>
    public static readonly Counter<long> Steps = Meter.CreateCounter<long>(
        "scalesweep.steps", "{step}", "Simulation steps advanced by the worker pool, counted per Advance slice");

    /// <summary>Runs that reached a final status, tagged <c>run.status</c> (completed, diverged, failed).</summary>
    public static readonly Counter<long> RunsFinished = Meter.CreateCounter<long>(
        "scalesweep.runs.finished", "{run}", "Runs stored with a final status (completed, diverged or failed)");

    /// <summary>Compute time of finished runs (over all their executions), tagged <c>run.status</c>.</summary>
    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram(
        "scalesweep.run.duration", "s", "Compute time of a finished run, over all its executions",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800] });

    /// <summary>Checkpoints stored in blob storage; tagged <c>error.type</c> when the write failed.</summary>
    public static readonly Counter<long> CheckpointWrites = Meter.CreateCounter<long>(
        "scalesweep.checkpoint.writes", "{checkpoint}", "Checkpoint writes to storage (failed ones carry error.type)");

    /// <summary>Size of the stored snapshots.</summary>
    public static readonly Histogram<long> CheckpointSize = Meter.CreateHistogram(
        "scalesweep.checkpoint.size", "By", "Size of a checkpoint's simulation snapshot",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864, 268435456] });

    /// <summary>Latency of the checkpoint blob write.</summary>
    public static readonly Histogram<double> CheckpointDuration = Meter.CreateHistogram(
        "scalesweep.checkpoint.duration", "s", "Latency of a checkpoint write to blob storage",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Runs of each sweep by state, tagged <c>sweep.id</c>, <c>sweep.name</c>, <c>run.state</c>: the counts of the sweep's status.</summary>
    public static readonly ObservableGauge<int> SweepRuns = Meter.CreateObservableGauge(
        "scalesweep.sweep.runs", ObserveSweepRuns, "{run}", "Runs of a sweep by state (pending, running, completed, diverged, failed, cancelled), as `scalesweep status` shows them");

    /// <summary>Steps a sweep's runs have done, tagged <c>sweep.id</c>.</summary>
    public static readonly ObservableGauge<long> SweepStepsDone = Meter.CreateObservableGauge(
        "scalesweep.sweep.steps.done", () => Observe(s => s.StepsDone), "{step}", "Steps done by a sweep's runs");

    /// <summary>Steps of all a sweep's runs together, tagged <c>sweep.id</c>.</summary>
    public static readonly ObservableGauge<long> SweepStepsPlanned = Meter.CreateObservableGauge(
        "scalesweep.sweep.steps.planned", () => Observe(s => s.StepsTotal), "{step}", "Steps of all a sweep's runs together");

    /// <summary>A sweep's step throughput as its coordinator measures it (the CLI's steps/s), tagged <c>sweep.id</c>.</summary>
    public static readonly ObservableGauge<double> SweepThroughput = Meter.CreateObservableGauge(
        "scalesweep.sweep.throughput", () => Observe(s => s.StepsPerSecond), "{step}/s", "Steps per second of a sweep's runs, smoothed");

    /// <summary>Sweeps in the running state whose coordinator is on this silo.</summary>
    public static readonly ObservableGauge<int> SweepsActive = Meter.CreateObservableGauge(
        "scalesweep.sweeps.active", SweepStatusBoard.ActiveCount, "{sweep}", "Running sweeps coordinated by this silo");

    /// <summary>Creates the meter and its instruments (the gauges exist from then on, before the first sweep).</summary>
    public static void EnsureCreated() => _ = Meter;

    private static readonly (string State, Func<RunCounts, int> Count)[] States =
    [
        ("pending", c => c.Pending),
        ("running", c => c.Running),
        ("completed", c => c.Completed),
        ("diverged", c => c.Diverged),
        ("failed", c => c.Failed),
        ("cancelled", c => c.Cancelled),
    ];

    private static IEnumerable<Measurement<int>> ObserveSweepRuns()
    {
        foreach (SweepStatus status in SweepStatusBoard.Current())
        {
            foreach ((string state, Func<RunCounts, int> count) in States)
            {
                yield return new Measurement<int>(count(status.Runs),
                    new KeyValuePair<string, object?>(TelemetryTags.SweepId, status.Id),
                    new KeyValuePair<string, object?>(TelemetryTags.SweepName, status.Name),
                    new KeyValuePair<string, object?>(TelemetryTags.RunState, state));
            }
        }
    }

    private static IEnumerable<Measurement<T>> Observe<T>(Func<SweepStatus, T> value)
        where T : struct
    {
        foreach (SweepStatus status in SweepStatusBoard.Current())
        {
            yield return new Measurement<T>(value(status),
                new KeyValuePair<string, object?>(TelemetryTags.SweepId, status.Id),
                new KeyValuePair<string, object?>(TelemetryTags.SweepName, status.Name));
        }
    }
}

using System.Diagnostics.Metrics;
using System.Reflection;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The "ScaleSweep" meter and its instruments. Counters and histograms are recorded by the worker pool
/// and the run grains. The gauges are observed per silo, on meters of the same name that each silo owns:
/// the sweep gauges from its sweep grains' statuses (<see cref="SweepGauges"/>), the worker gauges from its
/// worker pool (<see cref="WorkerPoolGauges"/>).
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

    /// <summary>Creates the meter and its instruments (the gauges exist from then on, before the first sweep).</summary>
    public static void EnsureCreated() => _ = Meter;
}

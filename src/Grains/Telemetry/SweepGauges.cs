using System.Diagnostics.Metrics;
using Orleans.Runtime;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The sweep gauges of one silo: observed from that silo's <see cref="SweepStatusBoard"/>, on a meter of
/// the "ScaleSweep" name created by the silo's meter factory (so it goes with the silo, and silos sharing
/// a process, as in tests, each report their own sweeps). A DI singleton that creates them as the silo
/// starts, so they exist before its first sweep.
/// </summary>
public sealed class SweepGauges(SweepStatusBoard board, IMeterFactory meters) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly (string State, Func<RunCounts, int> Count)[] States =
    [
        ("pending", c => c.Pending),
        ("running", c => c.Running),
        ("completed", c => c.Completed),
        ("diverged", c => c.Diverged),
        ("failed", c => c.Failed),
        ("cancelled", c => c.Cancelled),
    ];

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SweepGauges), ServiceLifecycleStage.RuntimeInitialize, _ => Start());

    /// <summary>Creates the gauges; the meter goes with the silo's meter factory.</summary>
    public Task Start()
    {
        Meter meter = meters.Create(ScaleSweepMetrics.MeterName, ScaleSweepMetrics.Version);

        // Runs of each sweep by state, tagged sweep.id, sweep.name, run.state: the counts of the sweep's status.
        meter.CreateObservableGauge("scalesweep.sweep.runs", ObserveRuns, "{run}",
            "Runs of a sweep by state (pending, running, completed, diverged, failed, cancelled), as `scalesweep status` shows them");
        meter.CreateObservableGauge("scalesweep.sweep.steps.done", () => Observe(s => s.StepsDone), "{step}", "Steps done by a sweep's runs");
        meter.CreateObservableGauge("scalesweep.sweep.steps.planned", () => Observe(s => s.StepsTotal), "{step}", "Steps of all a sweep's runs together");
        meter.CreateObservableGauge("scalesweep.sweep.throughput", () => Observe(s => s.StepsPerSecond), "{step}/s", "Steps per second of a sweep's runs, smoothed");
        meter.CreateObservableGauge("scalesweep.sweeps.active", board.ActiveCount, "{sweep}", "Running sweeps coordinated by this silo");
        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> ObserveRuns()
    {
        foreach (SweepStatus status in board.Current())
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

    private IEnumerable<Measurement<T>> Observe<T>(Func<SweepStatus, T> value)
        where T : struct
    {
        foreach (SweepStatus status in board.Current())
        {
            yield return new Measurement<T>(value(status),
                new KeyValuePair<string, object?>(TelemetryTags.SweepId, status.Id),
                new KeyValuePair<string, object?>(TelemetryTags.SweepName, status.Name));
        }
    }
}

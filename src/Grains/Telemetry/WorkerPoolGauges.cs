using System.Diagnostics.Metrics;
using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The slot gauges of one silo's worker pool, tagged with the silo's endpoint, while the silo runs. A DI
/// singleton per silo: its own "ScaleSweep" meter observes its own pool, so silos sharing a process (a
/// test cluster) never see each other's pools, and a stopped silo's gauges go with its meter.
/// </summary>
internal sealed class WorkerPoolGauges(WorkerPool pool) : ILifecycleParticipant<ISiloLifecycle>
{
    private Meter? _meter;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WorkerPoolGauges), ServiceLifecycleStage.RuntimeInitialize, Start, Stop);

    /// <summary>Worker slots of this silo by state (busy, free), tagged <c>scalesweep.silo</c>, <c>slot.state</c>.</summary>
    internal IEnumerable<Measurement<int>> ObserveSlots()
    {
        int busy = Math.Min(pool.Running, pool.Slots);
        var silo = new KeyValuePair<string, object?>(TelemetryTags.Silo, pool.Silo);
        yield return new Measurement<int>(busy, silo, new KeyValuePair<string, object?>(TelemetryTags.SlotState, "busy"));
        yield return new Measurement<int>(pool.Slots - busy, silo, new KeyValuePair<string, object?>(TelemetryTags.SlotState, "free"));
    }

    /// <summary>Jobs waiting for a worker slot on this silo, tagged <c>scalesweep.silo</c>.</summary>
    internal Measurement<int> ObserveQueued() => new(pool.Queued, new KeyValuePair<string, object?>(TelemetryTags.Silo, pool.Silo));

    private Task Start(CancellationToken cancellationToken)
    {
        ScaleSweepMetrics.EnsureCreated();

        // Same name and version as the static meter: exporters that listen to "ScaleSweep" see one meter,
        // and instruments of equal identity from several silos meet in one metric stream.
        _meter = new Meter(ScaleSweepMetrics.MeterName, ScaleSweepMetrics.Version);
        _meter.CreateObservableGauge("scalesweep.worker.slots", ObserveSlots, "{slot}", "Worker slots of the silo, busy or free");
        _meter.CreateObservableGauge("scalesweep.worker.queued", ObserveQueued, "{run}", "Runs queued for a worker slot on the silo");
        return Task.CompletedTask;
    }

    private Task Stop(CancellationToken cancellationToken)
    {
        _meter?.Dispose();
        _meter = null;
        return Task.CompletedTask;
    }
}

using System.Globalization;
using Orleans.Runtime;
using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>Puts the silo's worker pool on the slot gauges, tagged with the silo's endpoint, while the silo runs.</summary>
internal sealed class WorkerPoolGauges(WorkerPool pool, ILocalSiloDetails silo) : ILifecycleParticipant<ISiloLifecycle>
{
    private IDisposable? _registration;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WorkerPoolGauges), ServiceLifecycleStage.RuntimeInitialize, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        ScaleSweepMetrics.EnsureCreated();
        System.Net.IPEndPoint endpoint = silo.SiloAddress.Endpoint;
        _registration = WorkerTelemetry.Register(pool, string.Create(CultureInfo.InvariantCulture, $"{endpoint.Address}:{endpoint.Port}"));
        return Task.CompletedTask;
    }

    private Task Stop(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        return Task.CompletedTask;
    }
}

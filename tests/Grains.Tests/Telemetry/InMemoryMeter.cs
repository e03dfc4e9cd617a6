using OpenTelemetry;
using OpenTelemetry.Metrics;
using ScaleSweep.Grains.Telemetry;

namespace ScaleSweep.Grains.Tests.Telemetry;

/// <summary>The "ScaleSweep" meter exported to memory through OpenTelemetry, from creation to disposal.</summary>
public sealed class InMemoryMeter : IDisposable
{
    private readonly List<MetricSnapshot> _exported = [];
    private readonly MeterProvider _provider;

    public InMemoryMeter()
    {
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ScaleSweepMetrics.MeterName)
            .AddInMemoryExporter(_exported)
            .Build();
    }

    /// <summary>Flushes the measurements so far and returns every instrument's last snapshot, by instrument name.</summary>
    public Dictionary<string, MetricSnapshot> Latest()
    {
        _provider.ForceFlush();
        return _exported.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    public void Dispose() => _provider.Dispose();
}

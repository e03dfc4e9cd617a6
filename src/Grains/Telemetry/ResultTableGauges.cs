using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Results;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// How one silo writes the results table: requests sent and rows written in them (their ratio is the
/// batching the table's transactions achieve), tagged with the silo's endpoint. A DI singleton per silo,
/// with its own "ScaleSweep" meter, as <see cref="WorkerPoolGauges"/>.
/// </summary>
internal sealed class ResultTableGauges(RunResultTable table, Workers.WorkerPool pool, ILogger<ResultTableGauges> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private Meter? _meter;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ResultTableGauges), ServiceLifecycleStage.RuntimeInitialize, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        ScaleSweepMetrics.EnsureCreated();
        _meter = new Meter(ScaleSweepMetrics.MeterName, ScaleSweepMetrics.Version);
        _meter.CreateObservableCounter("scalesweep.results.requests", () => Measure(table.Writes.Requests), "{request}",
            "Write requests (table transactions or single writes) the silo sent to the results table");
        _meter.CreateObservableCounter("scalesweep.results.rows", () => Measure(table.Writes.Rows), "{row}",
            "Run rows the silo wrote to the results table");
        return Task.CompletedTask;
    }

    private Measurement<long> Measure(long value) => new(value, new KeyValuePair<string, object?>(TelemetryTags.Silo, pool.Silo));

    private Task Stop(CancellationToken cancellationToken)
    {
        (long requests, long rows) = table.Writes;
        if (requests > 0)
        {
            logger.LogInformation("Results table: {Rows} run rows written in {Requests} requests ({PerRequest:0.#} a request)", rows, requests, (double)rows / requests);
        }

        _meter?.Dispose();
        _meter = null;
        return Task.CompletedTask;
    }
}

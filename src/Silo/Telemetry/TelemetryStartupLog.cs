using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ScaleSweep.Silo.Telemetry;

/// <summary>Says at startup where the silo's telemetry goes (never an endpoint's credentials).</summary>
internal sealed class TelemetryStartupLog(TelemetrySummary summary, ILogger<TelemetryStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        TelemetryOptions options = summary.Options;
        if (summary.PrometheusRefused is { } reason)
        {
            logger.LogWarning("Metrics: cannot listen on {Address}:{Port} ({Reason}); running without a scrape endpoint",
                options.PrometheusAddress, options.PrometheusPort, reason);
        }

        logger.LogInformation("Telemetry: scrape endpoint {Prometheus}; OTLP {Otlp}; console {Console}",
            summary.PrometheusUrl ?? "off", summary.OtlpDisplay ?? "off", options.Console ? "on" : "off");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

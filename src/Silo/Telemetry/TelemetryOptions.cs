namespace ScaleSweep.Silo.Telemetry;

/// <summary>
/// Where the silo's metrics, traces and logs go, bound from configuration section "ScaleSweep:Telemetry"
/// (<c>ScaleSweep__Telemetry__PrometheusPort=9465</c>). Only the loopback scrape endpoint is on by
/// default; nothing else leaves the process unless configured.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "ScaleSweep:Telemetry";

    /// <summary>Port of the Prometheus scrape endpoint <c>http://{PrometheusAddress}:{PrometheusPort}/metrics</c>; 0 disables it.</summary>
    public int PrometheusPort { get; set; } = 9464;

    /// <summary>IPv4 address the scrape endpoint binds to (0.0.0.0: every address); loopback unless set.</summary>
    public string PrometheusAddress { get; set; } = "127.0.0.1";

    /// <summary>OTLP collector endpoint (metrics, traces and logs), e.g. <c>http://127.0.0.1:4317</c>; null sends nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP protocol: <c>grpc</c> (port 4317 by convention) or <c>http/protobuf</c> (4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Write metrics, traces and logs to standard output (development).</summary>
    public bool Console { get; set; }

    /// <summary>The resource's <c>service.name</c>.</summary>
    public string ServiceName { get; set; } = "scalesweep-silo";

    /// <summary>Milliseconds between two metric exports to OTLP or the console (the scrape endpoint is read when scraped).</summary>
    public int ExportIntervalMilliseconds { get; set; } = 10_000;
}

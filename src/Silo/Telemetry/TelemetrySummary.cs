namespace ScaleSweep.Silo.Telemetry;

/// <summary>What <see cref="ScaleSweepTelemetryExtensions.AddScaleSweepTelemetry"/> set up, for the startup log line.</summary>
internal sealed record TelemetrySummary(TelemetryOptions Options, bool Prometheus, string? PrometheusRefused, Uri? Otlp)
{
    /// <summary>The scrape endpoint's URL, when it is on.</summary>
    public string? PrometheusUrl => Prometheus ? $"http://{Options.PrometheusAddress}:{Options.PrometheusPort}/metrics" : null;

    /// <summary>The OTLP endpoint without user info, path or query (which may carry credentials).</summary>
    public string? OtlpDisplay => Otlp is null ? null : $"{Otlp.Scheme}://{Otlp.Host}:{Otlp.Port} ({Options.OtlpProtocol})";
}

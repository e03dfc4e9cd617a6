using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using Orleans.Hosting.Kubernetes;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScaleSweep.Grains.Telemetry;

namespace ScaleSweep.Silo.Telemetry;

/// <summary>Wires OpenTelemetry into a silo host: which exporters, from "ScaleSweep:Telemetry".</summary>
public static class ScaleSweepTelemetryExtensions
{
    /// <summary>Orleans' meter, beside ScaleSweep's and the runtime's.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources whose spans join a sweep's trace: grain calls, activations, storage.</summary>
    public static readonly string[] OrleansSourceNames = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    /// <summary>
    /// Metrics ("ScaleSweep", "Microsoft.Orleans", the .NET runtime's) to a Prometheus scrape endpoint
    /// on loopback (unless <see cref="TelemetryOptions.PrometheusPort"/> is 0), and metrics, traces and
    /// logs to OTLP and the console when configured. <paramref name="defaults"/> sets the options before
    /// the configuration section binds over them (the CLI's embedded silo turns Prometheus off there).
    /// </summary>
    public static IHostApplicationBuilder AddScaleSweepTelemetry(this IHostApplicationBuilder builder, Action<TelemetryOptions>? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new TelemetryOptions();
        defaults?.Invoke(options);
        builder.Configuration.GetSection(TelemetryOptions.Section).Bind(options);
        Validate(options);

        string? prometheusRefused = null;
        bool prometheus = options.PrometheusPort > 0 && IsFree(options, out prometheusRefused);
        Uri? otlp = options.OtlpEndpoint is { Length: > 0 } endpoint ? new Uri(endpoint, UriKind.Absolute) : null;
        builder.Services.AddSingleton(new TelemetrySummary(options, prometheus, prometheusRefused, otlp));
        builder.Services.AddHostedService<TelemetryStartupLog>();
        if (!prometheus && otlp is null && !options.Console)
        {
            return builder;
        }

        IOpenTelemetryBuilder telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                options.ServiceName,
                serviceVersion: ScaleSweepMetrics.Version,
                serviceInstanceId: InstanceId(builder.Configuration)));

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(ScaleSweepMetrics.MeterName, OrleansMeterName).AddRuntimeInstrumentation();
            if (prometheus)
            {
                metrics.AddPrometheusHttpListener(o =>
                {
                    IPAddress address = IPAddress.Parse(options.PrometheusAddress);
                    o.Port = options.PrometheusPort;
                    if (address.Equals(IPAddress.Any))
                    {
                        // Every address: HttpListener's wildcard prefix (the Host option must be a host name or address).
                        o.Host = "localhost";
                        o.ConfigureHttpListener = (_, listener) =>
                        {
                            listener.Prefixes.Clear();
                            listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://*:{options.PrometheusPort}/"));
                        };
                    }
                    else
                    {
                        o.Host = address.ToString();
                    }
                });
            }

            if (options.Console)
            {
                metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.ExportIntervalMilliseconds);
            }
        });

        if (otlp is null && !options.Console)
        {
            // Traces and logs have no exporter: no listener, so spans are never even created.
            return builder;
        }

        telemetry.WithTracing(tracing =>
        {
            tracing.AddSource(ScaleSweepActivities.SourceName).AddSource(OrleansSourceNames).SetSampler(new ScaleSweepSampler());
            if (options.Console)
            {
                tracing.AddConsoleExporter();
            }
        });
        telemetry.WithLogging(
            logging =>
            {
                logging.AddProcessor(new LogFieldProcessor());
                if (options.Console)
                {
                    logging.AddConsoleExporter();
                }
            },
            logger =>
            {
                logger.IncludeScopes = true;
                logger.IncludeFormattedMessage = true;
            });

        if (otlp is not null)
        {
            telemetry.UseOtlpExporter(Protocol(options.OtlpProtocol), otlp);
            builder.Services.Configure<MetricReaderOptions>(reader =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.ExportIntervalMilliseconds);
        }

        return builder;
    }

    private static void Validate(TelemetryOptions options)
    {
        var errors = new List<string>();
        if (options.PrometheusPort is < 0 or > 65535)
        {
            errors.Add($"{TelemetryOptions.Section}:PrometheusPort is {options.PrometheusPort}; allowed: 0 (off) to 65535");
        }

        // HttpListener on Linux takes no IPv6 literal in a prefix.
        if (!IPAddress.TryParse(options.PrometheusAddress, out IPAddress? address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            errors.Add($"{TelemetryOptions.Section}:PrometheusAddress '{options.PrometheusAddress}' is not an IPv4 address (0.0.0.0: every address)");
        }

        if (options.OtlpEndpoint is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")))
        {
            // The value itself is not repeated: an endpoint may carry credentials.
            errors.Add($"{TelemetryOptions.Section}:OtlpEndpoint is not an absolute http or https URL");
        }

        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            errors.Add($"{TelemetryOptions.Section}:OtlpProtocol is '{options.OtlpProtocol}'; allowed: grpc, http/protobuf");
        }

        if (options.ExportIntervalMilliseconds < 100)
        {
            errors.Add($"{TelemetryOptions.Section}:ExportIntervalMilliseconds is {options.ExportIntervalMilliseconds}; at least 100");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            errors.Add($"{TelemetryOptions.Section}:ServiceName is empty");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(TelemetryOptions.Section, typeof(TelemetryOptions), errors);
        }
    }

    /// <summary>
    /// The silo's address and port; in a Kubernetes pod, whose address is not in the options, the pod's
    /// name (the POD_NAME variable of the downward API, as Kubernetes hosting reads it).
    /// </summary>
    private static string InstanceId(IConfiguration configuration)
    {
        SiloOptions silo = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        if (silo.Hosting == "Kubernetes" && configuration[KubernetesHostingOptions.PodNameEnvironmentVariable] is { Length: > 0 } pod)
        {
            return pod;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{silo.Address}:{silo.SiloPort}");
    }

    private static OtlpExportProtocol Protocol(string name) => name == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

    // The exporter's HttpListener throws at host start when its port is taken, which would stop the silo
    // over a metrics port: look first, and run without the endpoint (saying why) instead.
    private static bool IsFree(TelemetryOptions options, out string? refused)
    {
        try
        {
            IPAddress address = IPAddress.Parse(options.PrometheusAddress);
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, options.PrometheusPort));
            refused = null;
            return true;
        }
        catch (SocketException e)
        {
            refused = e.Message;
            return false;
        }
    }
}

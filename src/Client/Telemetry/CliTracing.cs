using System.Collections;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ScaleSweep.Client.Telemetry;

/// <summary>
/// The CLI's tracer: on only when the environment names an OTLP collector with the silo's own settings
/// (<c>ScaleSweep__Telemetry__OtlpEndpoint</c>, <c>ScaleSweep__Telemetry__OtlpProtocol</c>), so a command's
/// span and the silos' spans land in one trace. Without them nothing is created and nothing leaves.
/// </summary>
public static class CliTracing
{
    /// <summary>Environment variable of the collector's endpoint (the silo reads the same one).</summary>
    public const string EndpointVariable = "ScaleSweep__Telemetry__OtlpEndpoint";

    /// <summary>Where the variables are described: a bad one is pointed there, as --help does not list them.</summary>
    private const string DocSection = "docs/observability.md, Configuration";

    /// <summary>Environment variable of the protocol: grpc (default) or http/protobuf.</summary>
    public const string ProtocolVariable = "ScaleSweep__Telemetry__OtlpProtocol";

    /// <summary>
    /// Starts the tracer when <paramref name="environment"/> names a collector; null otherwise. Disposing it
    /// flushes the command's span. A malformed endpoint or protocol is a usage error naming the variable.
    /// </summary>
    public static TracerProvider? Start(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment[EndpointVariable] is not string { Length: > 0 } endpoint)
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
        {
            // The value is not repeated: an endpoint may carry credentials.
            throw new UsageException($"{EndpointVariable} is not an absolute http or https URL.", DocSection);
        }

        string protocol = environment[ProtocolVariable] as string is { Length: > 0 } named ? named : "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
        {
            throw new UsageException($"{ProtocolVariable} is '{protocol}'; allowed: grpc, http/protobuf.", DocSection);
        }

        bool http = protocol == "http/protobuf";
        return Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService("scalesweep-cli", serviceVersion: typeof(CliTracing).Assembly.GetName().Version?.ToString()))
            .AddSource(CliActivities.SourceName)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = http ? TracesEndpoint(uri) : uri;
                o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            })
            .Build();
    }

    /// <summary>
    /// The traces URL of an http/protobuf collector whose base address is <paramref name="endpoint"/>.
    /// The exporter posts to an explicitly set endpoint as it is, while the silos' <c>UseOtlpExporter</c>
    /// appends each signal's path to the base: the same setting must reach the same collector path.
    /// </summary>
    internal static Uri TracesEndpoint(Uri endpoint)
    {
        const string path = "v1/traces";
        if (endpoint.AbsolutePath.TrimEnd('/').EndsWith("/" + path, StringComparison.Ordinal))
        {
            return endpoint;
        }

        var builder = new UriBuilder(endpoint);
        builder.Path = builder.Path.TrimEnd('/') + "/" + path;
        return builder.Uri;
    }
}

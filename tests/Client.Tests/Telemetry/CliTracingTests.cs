using System.Collections;
using System.Diagnostics;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Client.Telemetry;
using OpenTelemetry.Trace;

namespace ScaleSweep.Client.Tests.Telemetry;

/// <summary>
/// Each command is one span of the CLI's source, the root of the trace Orleans carries into the silos;
/// the tracer starts only when the environment names a collector, and the embedded silo takes the
/// telemetry section, and nothing else, from the environment.
/// </summary>
public sealed class CliTracingTests : IDisposable
{
    // Tests run in parallel in this process: each one's command spans are told apart by the trace of a
    // parent span the test starts itself.
    private static readonly ActivitySource TestSource = new("ScaleSweep.Client.Tests");

    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public CliTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is CliActivities.SourceName or "ScaleSweep.Client.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_stopped)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void A_command_is_one_client_span_named_after_it_with_its_exit_code()
    {
        Activity span = RunTraced(out CliResult result, "theory", "--alpha", "2", "--beta", "0.4", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("scalesweep theory", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(0, span.GetTagItem("process.exit.code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public void A_command_that_fails_on_bad_input_ends_its_span_with_an_error()
    {
        Activity span = RunTraced(out CliResult result, "theory", "--alpha", "0.5", "--beta", "0.4");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(ExitCodes.Usage, span.GetTagItem("process.exit.code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void No_collector_in_the_environment_means_no_tracer()
    {
        Assert.Null(CliTracing.Start(new Hashtable { ["PATH"] = "/usr/bin" }));
        Assert.Null(CliTracing.Start(new Hashtable { [CliTracing.EndpointVariable] = "" }));
    }

    [Fact]
    public void A_collector_in_the_environment_starts_a_tracer()
    {
        // No span is recorded through it, so disposing it sends nothing.
        using var provider = CliTracing.Start(new Hashtable { [CliTracing.EndpointVariable] = "http://127.0.0.1:4318", [CliTracing.ProtocolVariable] = "http/protobuf" });
        Assert.NotNull(provider);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/v1/traces")]
    public void Over_http_protobuf_the_span_is_posted_to_the_collectors_traces_path(string suffix)
    {
        // The silos' exporter appends /v1/traces to the base address; the CLI's must reach the same
        // path from the same setting (a collector answers 404 on "/"), and not double it when given.
        using var collector = new OtlpHttpReceiver();
        var environment = new Hashtable
        {
            [CliTracing.EndpointVariable] = collector.BaseAddress + suffix,
            [CliTracing.ProtocolVariable] = "http/protobuf",
        };

        using (TracerProvider provider = CliTracing.Start(environment)!)
        {
            using Activity? span = CliActivities.Source.StartActivity("scalesweep otlp-path-test", ActivityKind.Client);
            Assert.NotNull(span);
        }

        (string path, byte[] body) = Assert.Single(collector.Requests);
        Assert.Equal("/v1/traces", path);
        Assert.Contains("scalesweep otlp-path-test", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://127.0.0.1:4318/", "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://collector:4318/otlp", "http://collector:4318/otlp/v1/traces")]
    [InlineData("http://127.0.0.1:4318/v1/traces", "http://127.0.0.1:4318/v1/traces")]
    public void The_traces_path_is_appended_to_a_base_address_once(string endpoint, string expected) =>
        Assert.Equal(new Uri(expected), CliTracing.TracesEndpoint(new Uri(endpoint)));

    [Theory]
    [InlineData("not a url", null, CliTracing.EndpointVariable)]
    [InlineData("ftp://127.0.0.1:4317", null, CliTracing.EndpointVariable)]
    [InlineData("http://127.0.0.1:4317", "thrift", CliTracing.ProtocolVariable)]
    public void A_malformed_collector_setting_is_a_usage_error_naming_the_variable(string endpoint, string? protocol, string named)
    {
        var environment = new Hashtable { [CliTracing.EndpointVariable] = endpoint };
        if (protocol is not null)
        {
            environment[CliTracing.ProtocolVariable] = protocol;
        }

        UsageException error = Assert.Throws<UsageException>(() => CliTracing.Start(environment));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_silo_takes_only_the_telemetry_section_from_the_environment()
    {
        var environment = new Hashtable
        {
            ["ScaleSweep__Telemetry__OtlpEndpoint"] = "http://127.0.0.1:4317",
            ["ScaleSweep__Telemetry__Console"] = "true",
            ["ScaleSweep__Silo__GatewayPort"] = "30000",
            ["PATH"] = "/usr/bin",
        };

        Assert.Equal(
            new Dictionary<string, string?> { ["ScaleSweep:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317", ["ScaleSweep:Telemetry:Console"] = "true" },
            EmbeddedTelemetry.FromEnvironment(environment).ToDictionary());
    }

    private Activity RunTraced(out CliResult result, params string[] args)
    {
        ActivityTraceId trace;
        using (Activity parent = TestSource.StartActivity("test")!)
        {
            trace = parent.TraceId;
            result = Cli.Run(args);
        }

        lock (_stopped)
        {
            return Assert.Single(_stopped, a => a.Source.Name == CliActivities.SourceName && a.TraceId == trace);
        }
    }
}

using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Silo.Telemetry;

namespace ScaleSweep.Grains.Tests.Telemetry;

/// <summary>AddScaleSweepTelemetry: which exporters come from which settings, without a silo.</summary>
public sealed class TelemetryWiringTests
{
    [Fact]
    public void WithPrometheusOffAndNothingElseConfiguredNothingListens()
    {
        using IHost host = Build(new() { ["ScaleSweep:Telemetry:PrometheusPort"] = "0" });
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void TheEmbeddedDefaultsTurnPrometheusOffUnlessConfigured()
    {
        using IHost host = Build([], o => o.PrometheusPort = 0);
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task AScrapePortThatIsTakenLeavesTheHostRunningWithoutTheEndpoint()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using IHost host = Build(new() { ["ScaleSweep:Telemetry:PrometheusPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await host.StartAsync();
        Assert.Null(host.Services.GetService<MeterProvider>());
        await host.StopAsync();
    }

    [Fact]
    public void ConsoleExportsMetricsAndTracesOfScaleSweepAndOrleans()
    {
        using IHost host = Build(new() { ["ScaleSweep:Telemetry:PrometheusPort"] = "0", ["ScaleSweep:Telemetry:Console"] = "true" });
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        Assert.NotNull(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AnOtlpEndpointSendsAllThreeSignalsAndTheHostRunsWithoutACollector()
    {
        using IHost host = Build(new() { ["ScaleSweep:Telemetry:PrometheusPort"] = "0", ["ScaleSweep:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:1" });
        await host.StartAsync();
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<LoggerProvider>());
        await host.StopAsync();
    }

    [Fact]
    public void AnOtlpEndpointThatIsNotAnHttpUrlIsRefusedWithoutRepeatingIt()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build(new() { ["ScaleSweep:Telemetry:OtlpEndpoint"] = "ftp://user:s3cret@collector:4317" }));
        Assert.Contains("OtlpEndpoint", e.Message);
        Assert.DoesNotContain("s3cret", e.Message);
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void AScrapeAddressThatIsNotIPv4IsRefused(string address)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build(new() { ["ScaleSweep:Telemetry:PrometheusAddress"] = address }));
        Assert.Contains("PrometheusAddress", e.Message);
    }

    [Fact]
    public async Task TheScrapeEndpointServesScaleSweepsMetricsOnEveryAddressWhenAskedTo()
    {
        int port = FreePorts.Take(1)[0];

        using IHost host = Build(new()
        {
            ["ScaleSweep:Telemetry:PrometheusPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ScaleSweep:Telemetry:PrometheusAddress"] = "0.0.0.0",
        });
        await host.StartAsync();
        try
        {
            // The sweep gauges a silo creates as it starts, on its own meter of the same name.
            await using ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
            await new SweepGauges(new SweepStatusBoard(), services.GetRequiredService<IMeterFactory>()).Start();
            using var http = new HttpClient();
            string text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
            Assert.Contains("scalesweep_sweeps_active", text);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void AnUnknownOtlpProtocolIsRefused()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build(new() { ["ScaleSweep:Telemetry:OtlpProtocol"] = "udp" }));
        Assert.Contains("grpc, http/protobuf", e.Message);
    }

    [Fact]
    public void LogRecordsOfSweepsAndRunsCarrySweepIdAndRunKey()
    {
        var records = new List<LogRecord>();
        using (ILoggerFactory factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.AddProcessor(new LogFieldProcessor());
            o.AddInMemoryExporter(records);
        })))
        {
            factory.CreateLogger("ScaleSweep.Grains.Sweeps.SweepGrain").LogInformation("Sweep {Id} submitted with {Runs} runs", "s-1", 8);
            factory.CreateLogger("ScaleSweep.Grains.Runs.RunGrain").LogWarning("Run {Key} failed attempt {Attempt}", "k-1", 1);
            factory.CreateLogger("Other.Component").LogInformation("Thing {Id}", "x");
        }

        Assert.Equal("s-1", Attribute(records[0], TelemetryTags.SweepId));
        Assert.Equal("k-1", Attribute(records[1], TelemetryTags.RunKey));
        Assert.Null(Attribute(records[2], TelemetryTags.SweepId));
    }

    private static object? Attribute(LogRecord record, string name) =>
        record.Attributes?.FirstOrDefault(a => a.Key == name).Value;

    private static IHost Build(Dictionary<string, string?> settings, Action<TelemetryOptions>? defaults = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddScaleSweepTelemetry(defaults);
        return builder.Build();
    }
}

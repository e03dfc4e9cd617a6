using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Silo;
using ScaleSweep.Silo.Telemetry;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// The embedded default: a silo hosted in the CLI's own process on loopback, on Azurite (started here
/// if nothing listens on its ports). Its state persists in the data folder, so the next run of the same
/// spec resumes where this one stopped, or returns the stored report.
/// </summary>
internal sealed class EmbeddedSession : IClusterSession
{
    private readonly IHost _host;
    private readonly LocalAzurite _azurite;

    private EmbeddedSession(IHost host, LocalAzurite azurite)
    {
        _host = host;
        _azurite = azurite;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public string Description => "embedded silo";

    public bool IsEmbedded => true;

    public static async Task<EmbeddedSession> StartAsync(EmbeddedSettings settings, Action<string> say, CancellationToken cancellationToken)
    {
        string deploy = DeployLocator.Find(settings.DeployDirectory);
        string data = settings.DataDirectory ?? Path.Combine(deploy, "local", "data");
        LocalAzurite azurite = await LocalAzurite.EnsureAsync(deploy, data, say, cancellationToken).ConfigureAwait(false);

        // The silo takes seconds to start: say so, or a read looks hung.
        say(settings.ReadOnly
            ? "starting the embedded silo to read the stored sweeps (about 5 s; --gateway reads a running cluster)..."
            : "starting the embedded silo (about 5 s)...");

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        // The progress display owns the terminal: only errors of ScaleSweep's own code reach it, one line each.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Error)
            .AddFilter("Orleans", LogLevel.Critical)
            .AddFilter("Microsoft", LogLevel.Critical)
            .AddFilter("Polly", LogLevel.Critical)
            .AddFilter("Azure", LogLevel.Critical);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Free ports and a cluster of its own, so a local multi-silo cluster on the default ports is never joined by accident.
            ["ScaleSweep:Silo:ClusterId"] = "embedded-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            ["ScaleSweep:Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["ScaleSweep:Silo:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["ScaleSweep:Workers:Count"] = settings.Workers?.ToString(CultureInfo.InvariantCulture),

            // A read must not resume what another `run` may be running, nor what Ctrl+C interrupted.
            ["ScaleSweep:Dispatch:ReadOnly"] = settings.ReadOnly ? "true" : "false",

            // The warm-up takes a fresh silo's compilation out of its first sweep, off the cores other silos
            // compute on; here the one process that computes submits the sweep the moment its silo is up, and a
            // read (status, results) would pay it for nothing (docs/large-sweeps.md, fresh against warm silos).
            ["ScaleSweep:Warmup:Enabled"] = "false",
        });
        builder.Configuration["ScaleSweep:Silo:PrimarySiloPort"] = builder.Configuration["ScaleSweep:Silo:SiloPort"];
        builder.Configuration.AddInMemoryCollection(EmbeddedTelemetry.FromEnvironment(Environment.GetEnvironmentVariables()));
        builder.UseOrleans(silo => silo.ConfigureScaleSweepSilo(builder.Configuration));
        builder.AddScaleSweepTelemetry(o => o.PrometheusPort = 0);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));

        IHost host = builder.Build();
        try
        {
            // The silo program's startup check: one line naming the endpoint, instead of Orleans retrying for minutes.
            await host.Services.CheckStorageAsync(cancellationToken).ConfigureAwait(false);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException e)
        {
            host.Dispose();
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw new ClusterUnavailableException($"the embedded silo did not start: {e.Problem}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw new ClusterUnavailableException($"the embedded silo did not start: {e.GetBaseException().Message}", e);
        }

        return new EmbeddedSession(host, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Stopping deactivates the run grains, which stop their work and store a final checkpoint.
            await _host.StopAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

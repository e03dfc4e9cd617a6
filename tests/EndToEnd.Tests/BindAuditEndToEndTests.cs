using System.Diagnostics;
using System.Globalization;
using System.Net;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// Nothing binds to every address unless configured: the TCP sockets a real silo process and the CLI's
/// embedded silo listen on, read from /proc while they run, are all on loopback.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BindAuditEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new("binds");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_silo_with_default_addresses_listens_on_loopback_only_for_silo_gateway_and_metrics()
    {
        int metrics = FreePorts.Take(1)[0];
        using SiloProcess silo = await SiloProcess.StartAsync(workers: 1, TimeSpan.FromSeconds(60), new Dictionary<string, string>
        {
            ["ScaleSweep__Telemetry__PrometheusPort"] = metrics.ToString(CultureInfo.InvariantCulture),
        });
        var clock = Stopwatch.StartNew();
        while (!FreePorts.Accepts(metrics) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        IReadOnlyList<IPEndPoint> listening = ListeningSockets.Of(silo.Pid);
        output.WriteLine("silo listens on " + string.Join(", ", listening));
        Assert.Contains(new IPEndPoint(IPAddress.Loopback, silo.SiloPort), listening);
        Assert.Contains(new IPEndPoint(IPAddress.Loopback, silo.GatewayPort), listening);
        Assert.Contains(new IPEndPoint(IPAddress.Loopback, metrics), listening);
        Assert.All(listening, e => Assert.Equal(IPAddress.Loopback, e.Address));
    }

    [Fact]
    public async Task The_CLIs_embedded_silo_listens_on_loopback_only()
    {
        SpecFile spec = SpecFile.WriteSmall(_directory.FullName, "e2e-binds-" + Guid.NewGuid().ToString("N")[..8]);
        IReadOnlyList<IPEndPoint>? listening = null;

        // Once the sweep is submitted the embedded silo is up: read the CLI's sockets then, and stop it (Ctrl+C).
        Interrupt whenRunning = Interrupt.WhenErrorLine(line =>
        {
            if (!line.Contains("runs on the embedded silo", StringComparison.Ordinal))
            {
                return false;
            }

            int? pid = ListeningSockets.ProcessWithArgument(spec.Path);
            listening = pid is null ? [] : ListeningSockets.Of(pid.Value);
            return true;
        });
        (CliResult result, bool interrupted) = await Cli.InterruptAsync(whenRunning, TimeSpan.FromSeconds(120),
            "run", spec.Path, "--data", _directory.Combine("data"), "--out", _directory.Combine("out"), "--workers", "1");

        output.Check(result, () =>
        {
            Assert.True(interrupted, "the CLI never said it runs on the embedded silo");
            Assert.NotNull(listening);
            output.WriteLine("the CLI listens on " + string.Join(", ", listening));
            Assert.True(listening.Count >= 2, "the embedded silo's silo and gateway ports were not found");
            Assert.All(listening, e => Assert.Equal(IPAddress.Loopback, e.Address));
        });
    }
}

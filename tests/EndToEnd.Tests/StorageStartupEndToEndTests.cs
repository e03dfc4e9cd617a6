using System.Diagnostics;
using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// The built silo started against storage it cannot use (Azure Storage clustering, as on many machines), or
/// with a setting it cannot read: it exits non-zero within 60 s with one line on stderr naming the endpoint and
/// the reason (or the setting and what it must be), and prints no key. Without the startup check, Orleans retried for minutes and logged thousands of lines.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StorageStartupEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // Well-formed keys that are nobody's: neither may appear in anything the silo prints.
    private const string ClosedPortKey = "Y2xvc2VkLXBvcnQta2V5LXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVkLTAxMjM=";
    private const string WrongKey = "d3Jvbmcta2V5LXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVkLTEyMzQ1Njc4OTA=";

    [Fact]
    public async Task A_silo_whose_storage_port_is_closed_exits_within_60_s_with_one_line_naming_the_endpoint()
    {
        int port = FreePorts.Take(1)[0];
        string endpoint = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1";

        (int exitCode, string stdout, string stderr, TimeSpan elapsed) = await RunSiloAsync(Account(ClosedPortKey, endpoint, endpoint));

        Assert.Equal(4, exitCode);
        Assert.True(elapsed < Limit, $"the silo took {elapsed.TotalSeconds:F0} s");
        string line = Assert.Single(Lines(stderr));
        Assert.StartsWith($"scalesweep-silo: cannot reach Azure Storage at {endpoint} (table endpoint): connection refused (tried for ", line, StringComparison.Ordinal);
        Assert.EndsWith("; check ScaleSweep:Storage:ConnectionString", line, StringComparison.Ordinal);
        Assert.DoesNotContain(ClosedPortKey, stdout + stderr, StringComparison.Ordinal);
        Assert.Empty(Lines(stdout));
    }

    [Fact]
    public async Task A_silo_with_a_wrong_account_key_exits_at_once_with_one_line_and_without_the_key()
    {
        // The tests' Azurite answers; it refuses the key.
        (int exitCode, string stdout, string stderr, TimeSpan elapsed) = await RunSiloAsync(
            Account(WrongKey, "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10002/devstoreaccount1"));

        Assert.Equal(4, exitCode);
        Assert.True(elapsed < Limit, $"the silo took {elapsed.TotalSeconds:F0} s");
        string line = Assert.Single(Lines(stderr));
        Assert.StartsWith("scalesweep-silo: Azure Storage at http://127.0.0.1:10002/devstoreaccount1 (table endpoint) refused access: 403", line, StringComparison.Ordinal);
        Assert.Contains("wrong account key", line, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_with_conflicting_storage_settings_exits_with_one_line_naming_them()
    {
        (int exitCode, string stdout, string stderr, _) = await RunSiloAsync(Account(WrongKey, "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10002/devstoreaccount1"),
            ("ScaleSweep__Storage__AccountName", "sweepdata"));

        Assert.Equal(2, exitCode);
        Assert.Equal("scalesweep-silo: ScaleSweep:Storage: set either ConnectionString or BlobServiceUri and TableServiceUri (or AccountName), not both", Assert.Single(Lines(stderr)));
        Assert.DoesNotContain(WrongKey, stdout + stderr, StringComparison.Ordinal);
    }

    // A value that does not convert to its option's type used to abort the silo with a stack trace, from wherever
    // the option was first read (the warm-up's lifecycle participant, the worker pool, the silo's ports).
    [Theory]
    [InlineData("ScaleSweep__Workers__Count", "abc", "ScaleSweep:Workers:Count is 'abc'; it must be a whole number")]
    [InlineData("ScaleSweep__Warmup__ClusterMaxSeconds", "inf", "ScaleSweep:Warmup:ClusterMaxSeconds is 'inf'; it must be a number (digits, a point, an exponent: 1.5, 0, 1e-3)")]
    [InlineData("ScaleSweep__Warmup__Cluster", "maybe", "ScaleSweep:Warmup:Cluster is 'maybe'; it must be true or false")]
    [InlineData("ScaleSweep__Silo__GatewayPort", "x", "ScaleSweep:Silo:GatewayPort is 'x'; it must be a whole number")]
    public async Task A_silo_with_a_malformed_setting_exits_with_one_line_naming_it(string key, string value, string expected)
    {
        (int exitCode, _, string stderr, TimeSpan elapsed) = await RunSiloAsync(Azurite.ConnectionString, (key, value));

        Assert.Equal(2, exitCode);
        Assert.True(elapsed < Limit, $"the silo took {elapsed.TotalSeconds:F0} s");
        Assert.Equal("scalesweep-silo: " + expected, Assert.Single(Lines(stderr)));
    }

    private static string Account(string key, string blobEndpoint, string tableEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint={blobEndpoint};TableEndpoint={tableEndpoint};";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the built silo (Azure Storage clustering, free ports, the default startup timeout) until it exits; kills it after the limit.</summary>
    private async Task<(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)> RunSiloAsync(string connectionString, params (string Key, string Value)[] more)
    {
        int[] ports = FreePorts.Take(2);
        var start = new ProcessStartInfo(Cli.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(BuiltPrograms.SiloDll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(BuiltPrograms.SiloDll)!);
        start.Environment["ScaleSweep__Silo__ClusterId"] = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        start.Environment["ScaleSweep__Silo__Clustering"] = "AzureStorage";
        start.Environment["ScaleSweep__Silo__SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Silo__GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Storage__ConnectionString"] = connectionString;
        start.Environment["ScaleSweep__Storage__Prefix"] = Azurite.NewPrefix();
        start.Environment["ScaleSweep__Telemetry__PrometheusPort"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string key, string value) in more)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Cli.DotnetHost);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Limit + TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        TimeSpan elapsed = clock.Elapsed;
        string printed = await stdout;
        string errors = await stderr;
        output.WriteLine($"exit {process.ExitCode} after {elapsed.TotalSeconds:F1} s\n--- stdout ---\n{printed}\n--- stderr ---\n{errors}");
        return (process.ExitCode, printed, errors, elapsed);
    }
}

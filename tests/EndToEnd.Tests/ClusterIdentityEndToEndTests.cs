using System.Globalization;
using Azure.Data.Tables;
using ScaleSweep.EndToEnd.Tests.Infrastructure;
using ScaleSweep.Grains.Abstractions;
using ScaleSweep.Silo.Membership;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// Real silo processes on AzureStorage clustering (the tests' Azurite, a prefix of their own): a silo of
/// another ServiceId, or of another wire version while the cluster runs, is refused before it starts,
/// with one line and exit code 3, and the running silo never sees it. Orleans alone lets such a silo in:
/// it compares only cluster ids.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ClusterIdentityEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new("identity");
    private readonly string _clusterId = "identity-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _prefix = Azurite.NewPrefix();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_silo_of_another_ServiceId_is_refused_in_one_line_and_the_running_silo_keeps_serving()
    {
        using SiloProcess running = await SiloProcess.StartAsync(Settings("running"), Timeout);

        (int exit, string printed) = await SiloProcess.RunUntilExitAsync(Settings("other", ("ScaleSweep__Silo__ServiceId", "other-service")), Timeout);
        output.WriteLine($"exit {exit}: {printed}");

        Assert.Equal(ClusterIdentityGate.ExitCode, exit);
        string line = Assert.Single(Lines(printed));
        Assert.Equal(
            $"scalesweep-silo: refused to join cluster '{_clusterId}': ScaleSweep:Silo:ServiceId is 'other-service' but the cluster's is 'scalesweep'; set it to 'scalesweep', or give another service another ScaleSweep:Silo:ClusterId",
            line);
        await AssertUnaffectedAsync(running);
    }

    [Fact]
    public async Task A_silo_of_another_wire_version_is_refused_while_the_cluster_runs_and_starts_once_it_has_stopped()
    {
        using SiloProcess running = await SiloProcess.StartAsync(Settings("running"), Timeout);

        // The cluster's row as a cluster of the next version would have stored it: the one way to meet
        // another version with a single build.
        TableClient identities = new(Azurite.ConnectionString, ClusterIdentityGate.TableName(_prefix));
        TableEntity row = (await identities.GetEntityAsync<TableEntity>(_clusterId, ClusterIdentityGate.RowKey)).Value;
        Assert.Equal(WireFormat.Version, row.GetInt32(nameof(ClusterIdentity.WireVersion)));
        row[nameof(ClusterIdentity.WireVersion)] = WireFormat.Version + 1;
        await identities.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        (int exit, string printed) = await SiloProcess.RunUntilExitAsync(Settings("newer"), Timeout);
        output.WriteLine($"exit {exit}: {printed}");
        Assert.Equal(ClusterIdentityGate.ExitCode, exit);
        string line = Assert.Single(Lines(printed));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
            $"scalesweep-silo: refused to join cluster '{_clusterId}': this silo's wire format is version {WireFormat.Version} but the cluster's 1 running silo(s) use version {WireFormat.Version + 1}; versions that differ cannot run side by side: stop every silo of the cluster, then start the new version"),
            line);
        await AssertUnaffectedAsync(running);

        // Once every silo of the cluster has stopped, a silo of the other version starts it again.
        running.Terminate();
        Assert.True(await running.WaitForExitAsync(Timeout), "the running silo did not stop on SIGTERM");
        using SiloProcess next = await SiloProcess.StartAsync(Settings("next"), Timeout);
        row = (await identities.GetEntityAsync<TableEntity>(_clusterId, ClusterIdentityGate.RowKey)).Value;
        Assert.Equal(WireFormat.Version, row.GetInt32(nameof(ClusterIdentity.WireVersion)));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Cluster {_clusterId} moves from wire format version {WireFormat.Version + 1} to {WireFormat.Version}: none of its silos was running"), next.LogText());
    }

    /// <summary>The running silo still runs and serves the CLI, and the membership table holds it alone.</summary>
    private async Task AssertUnaffectedAsync(SiloProcess running)
    {
        Assert.True(running.IsRunning);
        CliResult list = await Cli.RunAsync(Timeout, "list", "--gateway", running.Gateway, "--cluster-id", _clusterId);
        output.ShouldExit(list, 0);

        TableClient membership = new(Azurite.ConnectionString, _prefix + "membership");
        // Besides one row per silo ("address-port-generation"), Orleans keeps version rows of its own.
        string[] silos = membership.Query<TableEntity>(e => e.PartitionKey == _clusterId).Select(e => e.RowKey)
            .Where(k => k is not ("VersionRow" or "!Start" or "~End")).ToArray();
        string[] ofRunning = silos.Where(k => k.StartsWith($"127.0.0.1-{running.SiloPort.ToString(CultureInfo.InvariantCulture)}-", StringComparison.Ordinal)).ToArray();
        Assert.True(silos.Length == 1 && ofRunning.Length == 1, "membership rows: " + string.Join(", ", silos));
    }

    private SiloSettings Settings(string name, params (string Key, string Value)[] environment)
    {
        int[] ports = FreePorts.Take(2);
        return new SiloSettings
        {
            ClusterId = _clusterId,
            Clustering = "AzureStorage",
            SiloPort = ports[0],
            GatewayPort = ports[1],
            PrimarySiloPort = ports[0],
            ConnectionString = Azurite.ConnectionString,
            Prefix = _prefix,
            Workers = 1,
            LogFile = _directory.Combine(name + ".log"),
            Environment = environment.ToDictionary(e => e.Key, e => e.Value),
        };
    }

    /// <summary>
    /// The printed lines but the storage check's "Azure Storage answered" log line, which every silo writes
    /// before the gate: the refusal must be the one line besides it.
    /// </summary>
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(l => !l.Contains("ScaleSweep.Grains.Hosting.StorageProbe", StringComparison.Ordinal) || !l.Contains("Azure Storage answered", StringComparison.Ordinal))
        .ToArray();
}

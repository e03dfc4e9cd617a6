using System.Diagnostics;
using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.MultiHost;

/// <summary>
/// Many machines, on one: three silo hosts, a storage host and a client host as network namespaces
/// (deploy/netns/hosts.sh), each silo on its own address with membership in Azurite. One sweep of 48
/// runs, 8 to 20 s each, runs three times with the same spec: on the cluster without faults, on a fresh
/// cluster where host 2 is killed (kill -9) and host 3 is cut off for 30 s mid-sweep, and on the embedded
/// single-host default. All three reports are equal bit for bit.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "MultiHost")]
public sealed class MultiHostTests(ITestOutputHelper output)
{
    private const int Hosts = 3;
    private const int Workers = 2;
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan PartitionLength = TimeSpan.FromSeconds(30);

    [NetnsFact]
    public async Task A_sweep_over_three_hosts_spreads_survives_a_killed_and_a_partitioned_host_and_equals_the_single_host_run()
    {
        using var temp = new TempDirectory("multihost");
        SpecFile spec = WriteSpec(temp.FullName);
        var times = new List<(string What, double Seconds)>();

        // 1. Without faults, through SCALESWEEP_GATEWAY: the runs spread over the hosts.
        string clean = Path.Combine(temp.FullName, "clean");
        // Spans, metrics and logs all go to the silos' logs too (the console exporter), so that the secret
        // check below reads every one of them.
        using (NetnsTestBed bed = await NetnsTestBed.UpAsync(output, Hosts, Workers, "ScaleSweep__Telemetry__Console=true"))
        {
            ClientRun run = bed.StartCli(new Dictionary<string, string> { ["SCALESWEEP_GATEWAY"] = bed.Gateways }, "run", spec.Path, "--out", clean);
            await WaitUntil(() => Enumerable.Range(1, Hosts).All(h => bed.Log(h).Checkpoints.Any()), TimeSpan.FromSeconds(120), "every host to checkpoint a run");
            string[] scrapes = await ScrapeMetricsAsync();
            await AssertEachSiloListensOnItsOwnAddressOnlyAsync();
            CliResult result = await run.Exited(SweepTimeout);
            output.ShouldExit(result, 0);
            times.Add(("sweep wall time, no faults (3 hosts)", result.Elapsed.TotalSeconds));
            AssertNoSecret(Enumerable.Range(1, Hosts).Select(h => ($"host{h}'s log", File.ReadAllText(NetnsTestBed.LogPath(h))))
                .Concat(scrapes.Select((text, i) => ($"host{i + 1}'s /metrics", text)))
                .Append(("the CLI's output", result.StdOut + result.StdErr)));

            HostLog[] logs = Logs(bed);
            AssertEachRunStoredOnce(logs, spec.Runs);
            double fair = (double)spec.Runs / Hosts;
            output.WriteLine("host   runs completed   fair share " + fair.ToString("0.#", CultureInfo.InvariantCulture));
            foreach (HostLog log in logs)
            {
                int count = log.Completed.Count();
                output.WriteLine($"{log.Host,-6} {count,14}   {count / fair,10:0.00}x");
                Assert.InRange(count, fair / 2, fair * 2);
            }
        }

        // 2. Faults mid-sweep, through --gateway with the doomed host first.
        string faulted = Path.Combine(temp.FullName, "faulted");
        using (NetnsTestBed bed = await NetnsTestBed.UpAsync(output, Hosts, Workers))
        {
            string gateways = $"{NetnsTestBed.Address(2)}:30000,{NetnsTestBed.Address(1)}:30000,{NetnsTestBed.Address(3)}:30000";
            string netem = await DegradeAsync(1);
            var clock = Stopwatch.StartNew();
            ClientRun run = bed.StartCli(new Dictionary<string, string>(), "run", spec.Path, "--gateway", gateways, "--out", faulted);

            // Kill host 2 once it is mid-run (it has checkpointed a run it has not finished), at least 8 s in.
            await WaitUntil(() => MidRun(bed.Log(2)) && clock.Elapsed > TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(120), "host2 to checkpoint a run");
            DateTime killed = DateTime.UtcNow;
            await bed.KillAsync(2);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: host2 killed (kill -9)");

            // Cut host 3 off a few seconds later, also mid-run.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await WaitUntil(() => MidRun(bed.Log(3)), TimeSpan.FromSeconds(60), "host3 to checkpoint a run");
            DateTime cut = DateTime.UtcNow;
            await bed.PartitionAsync(3);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: host3 partitioned");
            Task partition = Task.Delay(PartitionLength);

            // A CLI whose only gateway is cut off says so in one line and exits non-zero within 30 s.
            CliResult cutOff = await bed.StartCli(new Dictionary<string, string>(), "list", "--gateway", $"{NetnsTestBed.Address(3)}:30000").Exited(TimeSpan.FromSeconds(60));
            output.WriteLine($"list through the cut-off gateway: exit {cutOff.ExitCode} after {cutOff.Elapsed.TotalSeconds:F1} s: {cutOff.StdErr.Trim()}");
            Assert.Equal(4, cutOff.ExitCode);
            Assert.True(cutOff.Elapsed < TimeSpan.FromSeconds(30), $"took {cutOff.Elapsed.TotalSeconds:F1} s");
            Assert.Contains($"cannot reach the gateway {NetnsTestBed.Address(3)}:30000", Assert.Single(cutOff.ErrorLines), StringComparison.Ordinal);
            times.Add(("CLI told its only gateway is unreachable", cutOff.Elapsed.TotalSeconds));
            await partition;
            DateTime healed = DateTime.UtcNow;
            await bed.HealAsync(3);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: host3's link back");

            CliResult result = await run.Exited(SweepTimeout);
            output.ShouldExit(result, 0);
            times.Add(("sweep wall time, host2 killed and host3 cut off 30 s", result.Elapsed.TotalSeconds));
            foreach (string line in result.ErrorLines.Where(l => !l.Contains("runs done", StringComparison.Ordinal)))
            {
                output.WriteLine("cli: " + line);
            }

            // Orleans' declared-dead shutdown: the cut-off silo learns it is dead when its link is back, and stops.
            await WaitUntil(() => !bed.SiloAliveAsync(3).GetAwaiter().GetResult(), TimeSpan.FromSeconds(60), "host3's declared-dead silo to stop");
            HostLog[] logs = Logs(bed);
            HostLog host1 = logs[0], host2 = logs[1], host3 = logs[2];

            DateTime? host2Dead = host1.SawDead(NetnsTestBed.Address(2));
            DateTime? host3Dead = host1.SawDead(NetnsTestBed.Address(3));
            Assert.True(host2Dead is not null, "host1 never saw host2 declared dead");
            Assert.True(host3Dead is not null, "host1 never saw host3 declared dead");
            times.Add(("detection of a dead host (kill -9 to declared dead)", (host2Dead.Value - killed).TotalSeconds));
            times.Add(("detection of a partition (link down to declared dead)", (host3Dead.Value - cut).TotalSeconds));
            Assert.InRange((host2Dead.Value - killed).TotalSeconds, 0, 30);
            Assert.InRange((host3Dead.Value - cut).TotalSeconds, 0, PartitionLength.TotalSeconds);
            Assert.True(host3.ToldDead is not null, "host3's silo was never told it is dead");
            times.Add(("cut-off silo told it is dead after its link is back", (host3.ToldDead!.Value - healed).TotalSeconds));

            // What an operator sees: `scalesweep silos` through the surviving gateway.
            CliResult silos = await bed.StartCli(new Dictionary<string, string>(), "silos", "--json", "--gateway", gateways).Exited(TimeSpan.FromSeconds(60));
            output.ShouldExit(silos, 0);
            CliResult silosTable = await bed.StartCli(new Dictionary<string, string>(), "silos", "--gateway", gateways).Exited(TimeSpan.FromSeconds(60));
            output.WriteLine(silosTable.StdOut);
            using (var members = System.Text.Json.JsonDocument.Parse(silos.StdOut))
            {
                var status = members.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("address").GetString()!, m => m.GetProperty("status").GetString());
                Assert.Equal("active", status[$"{NetnsTestBed.Address(1)}:11111"]);
                Assert.Equal("dead", status[$"{NetnsTestBed.Address(2)}:11111"]);
                Assert.Equal("dead", status[$"{NetnsTestBed.Address(3)}:11111"]);
            }

            AssertRunsMovedOn(host2, logs, "host2 (killed)");
            AssertRunsMovedOn(host3, logs, "host3 (partitioned)");

            // Nothing stored by the old silo once its link is back (the membership fence, then ETags).
            var late = host3.Writes.Where(w => w.Time >= healed).GroupBy(w => w.Key).ToList();
            output.WriteLine($"host3 writes per run key after its link came back: {(late.Count == 0 ? "none" : string.Join(", ", late.Select(g => $"{g.Key[..12]}: {g.Count()}")))}");
            Assert.Empty(late);

            AssertEachRunStoredOnce(logs, spec.Runs);
            AssertSameReport(clean, faulted, "the faulted cluster");
            output.WriteLine($"netem on host1: {netem}");

            // 3. The same spec on the embedded single-host default (its own Azurite, on the client host's loopback).
            string single = Path.Combine(temp.FullName, "single");
            ClientRun embedded = bed.StartCli(new Dictionary<string, string>(), "run", spec.Path, "--data", Path.Combine(temp.FullName, "embedded-data"), "--workers", "2", "--out", single);
            CliResult embeddedResult = await embedded.Exited(SweepTimeout);
            output.ShouldExit(embeddedResult, 0);
            times.Add(("sweep wall time, embedded single host (2 workers)", embeddedResult.Elapsed.TotalSeconds));
            AssertSameReport(clean, single, "the embedded single host");
        }

        output.WriteLine("");
        foreach ((string what, double seconds) in times)
        {
            output.WriteLine($"{what}: {seconds:F1} s");
        }
    }

    /// <summary>48 runs (2 beta x 2 gamma x 12 seeds) of 150,000 steps, checkpointed every 2 s.</summary>
    private static SpecFile WriteSpec(string directory)
    {
        string path = Path.Combine(directory, "multi-host.json");
        File.WriteAllText(path, """
            {
              "name": "multi-host",
              "model": "projected",
              "alpha": [2],
              "beta": [0.4, 1.2],
              "gamma": [0, 1],
              "N": [128],
              "B": [64],
              "eta": 0.05,
              "M": 2000,
              "steps": 150000,
              "seeds": 12,
              "checkpointSeconds": 2
            }
            """);
        return SpecFile.Read(path);
    }

    /// <summary>Each silo's Prometheus page, read from the client host mid-sweep; every one has ScaleSweep's metrics.</summary>
    private static async Task<string[]> ScrapeMetricsAsync()
    {
        var pages = new string[Hosts];
        for (int host = 1; host <= Hosts; host++)
        {
            (int code, string page) = await NetnsTestBed.ExecAsync("client", "curl", "-sS", "--max-time", "10", $"http://{NetnsTestBed.Address(host)}:9464/metrics");
            Assert.True(code == 0, $"scraping host{host}: {page}");
            Assert.Contains("scalesweep_", page, StringComparison.Ordinal);
            pages[host - 1] = page;
        }

        return pages;
    }

    /// <summary>Every listening socket of a silo host is on that host's address: none on 0.0.0.0 or ::.</summary>
    private async Task AssertEachSiloListensOnItsOwnAddressOnlyAsync()
    {
        for (int host = 1; host <= Hosts; host++)
        {
            (int code, string sockets) = await NetnsTestBed.ExecAsync($"host{host}", "ss", "-Hltn");
            Assert.True(code == 0, sockets);
            string[] locals = sockets.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]).ToArray();
            output.WriteLine($"host{host} listens on {string.Join(", ", locals)}");
            Assert.Equal(3, locals.Length);
            Assert.All(locals, endpoint => Assert.StartsWith(NetnsTestBed.Address(host) + ":", endpoint, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The storage key (Azurite's public development key stands in for a real one) and any "AccountKey="
    /// appear in none of the texts; the logs must hold spans, or the check would prove nothing of them.
    /// </summary>
    private void AssertNoSecret(IEnumerable<(string What, string Text)> texts)
    {
        const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var read = texts.ToList();
        Assert.Contains(read, t => t.Text.Contains("Activity.TraceId", StringComparison.Ordinal));
        foreach ((string what, string text) in read)
        {
            Assert.False(text.Contains(Key, StringComparison.Ordinal), $"{what} holds the storage key");
            Assert.False(text.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase), $"{what} holds an AccountKey= setting");
            Assert.False(text.Contains(Key[..20], StringComparison.Ordinal), $"{what} holds part of the storage key");
        }

        output.WriteLine($"no storage key in {read.Count} texts ({read.Sum(t => t.Text.Length) / 1024} KiB of logs with spans and metrics, metric pages, CLI output)");
    }

    /// <summary>True when the host has checkpointed a run it has not stored as completed.</summary>
    private static bool MidRun(HostLog log)
    {
        var completed = log.Completed.Select(c => c.Key).ToHashSet();
        return log.Checkpoints.Any(c => !completed.Contains(c.Key));
    }

    private static HostLog[] Logs(NetnsTestBed bed) => Enumerable.Range(1, bed.Hosts).Select(bed.Log).ToArray();

    /// <summary>50 ms delay and 2% loss on a host's link where the kernel has netem; what happened either way.</summary>
    private static async Task<string> DegradeAsync(int host)
    {
        (int code, string text) = await NetnsTestBed.ExecAsync($"host{host}", "tc", "qdisc", "add", "dev", "eth0", "root", "netem", "delay", "50ms", "loss", "2%");
        return code == 0 ? "50 ms delay and 2% loss during the faulted sweep" : $"skipped: this kernel refuses netem ({text})";
    }

    private void AssertEachRunStoredOnce(HostLog[] logs, int runs)
    {
        var completions = logs.SelectMany(l => l.Completed.Select(c => (l.Host, c.Key))).GroupBy(c => c.Key).ToList();
        Assert.Equal(runs, completions.Count);
        var repeated = completions.Where(g => g.Count() != 1).Select(g => $"{g.Key[..12]} on {string.Join(", ", g.Select(c => c.Host))}").ToList();
        Assert.True(repeated.Count == 0, "runs stored as completed more than once: " + string.Join("; ", repeated));
    }

    /// <summary>Runs the lost host was computing were completed elsewhere, at least one from a checkpoint past step 0.</summary>
    private void AssertRunsMovedOn(HostLog lost, HostLog[] logs, string what)
    {
        IReadOnlySet<string> unfinished = lost.Unfinished;
        Assert.True(unfinished.Count > 0, $"{what} was computing no run when it was lost");
        HostLog[] others = logs.Where(l => l.Host != lost.Host).ToArray();
        var completedElsewhere = others.SelectMany(l => l.Completed.Select(c => c.Key)).ToHashSet();
        Assert.All(unfinished, key => Assert.Contains(key, completedElsewhere));
        var resumed = others.SelectMany(l => l.Resumed).Where(r => unfinished.Contains(r.Key) && r.Step > 0).ToList();
        output.WriteLine($"{what}: {unfinished.Count} unfinished runs, all completed elsewhere; {resumed.Count} resumed from checkpoints (steps {string.Join(", ", resumed.Select(r => r.Step))})");
        Assert.NotEmpty(resumed);
    }

    private static void AssertSameReport(string expected, string actual, string what)
    {
        foreach (string file in new[] { "report.json", "curves.csv" })
        {
            byte[] a = File.ReadAllBytes(Path.Combine(expected, file));
            byte[] b = File.ReadAllBytes(Path.Combine(actual, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} of {what} differs from the fault-free cluster's");
        }
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}");
            }

            await Task.Delay(250);
        }
    }
}

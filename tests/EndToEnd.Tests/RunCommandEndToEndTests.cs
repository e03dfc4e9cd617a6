using System.Globalization;
using System.Text.Json;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// One real silo process, and examples/linear-network.json run against it with `scalesweep run
/// --gateway` (once, by whichever test comes first); the tests then check what that run wrote, and
/// what the other commands say about the same sweep.
/// </summary>
public sealed class GatewaySweepFixture : IDisposable
{
    /// <summary>The first run computes 24 runs of 3000 steps: about 30 s on 2 cores, far more when they are busy.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(300);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TempDirectory _work = new("run");
    private Task<(SiloProcess Silo, CliResult Run)>? _first;

    public SpecFile Spec { get; } = SpecFile.Read(Repository.Example("linear-network.json"));

    public string WorkDirectory => _work.FullName;

    public string FirstOut => Path.Combine(WorkDirectory, "first");

    public SiloProcess? Silo { get; private set; }

    /// <summary>Starts the silo and runs the spec through its gateway, the first time only.</summary>
    public async Task<(SiloProcess Silo, CliResult Run)> FirstRunAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _first ??= StartAndRun();
        }
        finally
        {
            _gate.Release();
        }

        return await _first;
    }

    public void Dispose()
    {
        Silo?.Dispose();
        _work.Dispose();
    }

    private async Task<(SiloProcess, CliResult)> StartAndRun()
    {
        // With the warm-up's cluster part, as the silo program starts by default (SiloProcess turns it off).
        Silo = await SiloProcess.StartAsync(workers: 2, timeout: TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["ScaleSweep__Warmup__Cluster"] = "true" });
        CliResult run = await Cli.RunAsync(RunTimeout, "run", Spec.Path, "--gateway", Silo.Gateway, "--cluster-id", Silo.ClusterId, "--out", FirstOut);
        return (Silo, run);
    }
}

[Collection(EndToEndCollection.Name)]
public sealed class RunCommandEndToEndTests : IClassFixture<GatewaySweepFixture>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly GatewaySweepFixture _fixture;
    private readonly ITestOutputHelper _output;

    public RunCommandEndToEndTests(GatewaySweepFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Run_against_a_silo_completes_every_run_and_writes_the_report_and_plots()
    {
        (SiloProcess silo, CliResult run) = await FirstRun();
        _output.Check(run, () =>
        {
            Assert.Contains($"{_fixture.Spec.Runs} runs on the gateway {silo.Gateway}", run.StdErr);
            Assert.Matches($@"{_fixture.Spec.Runs} runs finished in [0-9.]+ s \([0-9.]+ runs/s\); [0-9.]+ worker-s on [0-9]+ slots \(efficiency [0-9.]+%\); report built in [0-9.]+ s; status round trip p95 [0-9.]+ ms over [1-9][0-9]* calls", run.StdErr);
            ReportChecks.CheckReport(_fixture.FirstOut, _fixture.Spec);
            ReportChecks.CheckPlots(_fixture.FirstOut);
        });
    }

    [Fact]
    public async Task The_silo_warmed_up_through_its_cluster_and_storage_before_it_said_active()
    {
        (SiloProcess silo, _) = await FirstRun();
        string log = silo.LogText();

        // The cluster part (ScaleSweep:Warmup:Cluster, on by default) ran whole rounds, did not fail, and ended
        // before the silo said it was active.
        int warmup = log.IndexOf("Cluster warm-up:", StringComparison.Ordinal);
        int active = log.IndexOf("scalesweep-silo: active", StringComparison.Ordinal);
        Assert.True(warmup >= 0 && active > warmup && !log.Contains("Cluster warm-up failed", StringComparison.Ordinal), silo.LogTail());
        Assert.Matches(@"^Cluster warm-up: [1-9] rounds of 128 scratch runs in [0-9.]+ s", log[warmup..]);
    }

    [Fact]
    public async Task Running_the_same_spec_again_returns_the_stored_report_byte_for_byte()
    {
        (SiloProcess silo, _) = await FirstRun();
        string again = Path.Combine(_fixture.WorkDirectory, "again");
        CliResult rerun = await Cli.RunAsync(CommandTimeout, "run", _fixture.Spec.Path, "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId, "--out", again);
        _output.ShouldExit(rerun, 0);
        _output.Check(rerun, () =>
        {
            Assert.Contains("already complete", rerun.StdErr);
            Assert.True(rerun.Elapsed < TimeSpan.FromSeconds(30), $"the second run took {rerun.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(File.ReadAllBytes(Path.Combine(_fixture.FirstOut, "report.json")), File.ReadAllBytes(Path.Combine(again, "report.json")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(_fixture.FirstOut, "curves.csv")), File.ReadAllBytes(Path.Combine(again, "curves.csv")));
        });
    }

    [Fact]
    public async Task Results_as_json_print_the_report_json_that_run_wrote()
    {
        (SiloProcess silo, _) = await FirstRun();
        string id = ReportChecks.CheckReport(_fixture.FirstOut, _fixture.Spec);
        CliResult results = await Cli.RunAsync(CommandTimeout, "results", id, "--format", "json", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(results, 0);
        _output.Check(results, () => Assert.Equal(File.ReadAllText(Path.Combine(_fixture.FirstOut, "report.json")), results.StdOut));
    }

    [Fact]
    public async Task Status_as_json_says_completed_with_every_run_done()
    {
        (SiloProcess silo, _) = await FirstRun();
        string id = ReportChecks.CheckReport(_fixture.FirstOut, _fixture.Spec);
        CliResult status = await Cli.RunAsync(CommandTimeout, "status", id, "--json", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(status, 0);
        _output.Check(status, () =>
        {
            using JsonDocument json = JsonDocument.Parse(status.StdOut);
            Assert.Equal(id, json.RootElement.GetProperty("id").GetString());
            Assert.Equal("completed", json.RootElement.GetProperty("state").GetString());
            Assert.Equal(_fixture.Spec.Runs, json.RootElement.GetProperty("runs").GetProperty("completed").GetInt32());
        });
    }

    [Fact]
    public async Task List_shows_the_sweep()
    {
        (SiloProcess silo, _) = await FirstRun();
        string id = ReportChecks.CheckReport(_fixture.FirstOut, _fixture.Spec);
        CliResult list = await Cli.RunAsync(CommandTimeout, "list", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(list, 0);
        _output.Check(list, () => Assert.Contains(id, list.StdOut));
    }

    /// <summary>Exit code 2 for an id no sweep has, alike for every command that takes one (docs/cli.md, "Errors and exit codes").</summary>
    [Theory]
    [InlineData("status")]
    [InlineData("results")]
    [InlineData("plot")]
    [InlineData("cancel")]
    [InlineData("resume")]
    public async Task An_unknown_sweep_id_exits_2(string command)
    {
        (SiloProcess silo, _) = await FirstRun();
        CliResult result = await Cli.RunAsync(CommandTimeout, command, "no-such-sweep-000000000000", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(result, 2);
        _output.Check(result, () =>
        {
            Assert.Equal($"scalesweep {command}: no sweep has the id 'no-such-sweep-000000000000' (see 'scalesweep list')", Assert.Single(result.ErrorLines));
            Assert.Equal("", result.StdOut);
        });
    }

    /// <summary>Exit code 5: a cancelled sweep has no report, for results and plot; status still describes it (0).</summary>
    [Fact]
    public async Task A_cancelled_sweep_has_no_report_and_results_and_plot_exit_5()
    {
        (SiloProcess silo, _) = await FirstRun();
        string name = "e2e-cancelled-" + Guid.NewGuid().ToString("N")[..8];
        string spec = Path.Combine(_fixture.WorkDirectory, name + ".json");
        // About a minute per run on an idle core (a finite batch costs ~B N per step): still running when cancelled.
        File.WriteAllText(spec, $$"""
            { "name": "{{name}}", "model": "projected", "alpha": [2], "beta": [0.4], "gamma": [0], "N": [256],
              "B": [64], "eta": 0.05, "M": 4000, "steps": 2000000, "seeds": 2 }
            """);
        string id = await SweepCommands.SubmitAsync(_output, spec, silo.Gateway, silo.ClusterId);
        CliResult cancel = await Cli.RunAsync(CommandTimeout, "cancel", id, "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(cancel, 0);
        _output.Check(cancel, () => Assert.Contains("(cancelled)", cancel.StdOut));

        foreach (string command in new[] { "results", "plot" })
        {
            CliResult result = await Cli.RunAsync(CommandTimeout, command, id, "--out", Path.Combine(_fixture.WorkDirectory, name), "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
            _output.ShouldExit(result, 5);
            _output.Check(result, () =>
            {
                Assert.StartsWith($"scalesweep {command}: sweep {id} has no report: ", Assert.Single(result.ErrorLines));
                Assert.Contains("(cancelled)", result.StdErr);
                Assert.False(Directory.Exists(Path.Combine(_fixture.WorkDirectory, name)), "a report folder was written");
            });
        }

        CliResult status = await Cli.RunAsync(CommandTimeout, "status", id, "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(status, 0);
    }

    /// <summary>A report folder that cannot be written is a bad --out (2), not an internal error (1).</summary>
    [Fact]
    public async Task Results_with_an_unwritable_out_folder_exits_2_naming_it()
    {
        (SiloProcess silo, _) = await FirstRun();
        string id = ReportChecks.CheckReport(_fixture.FirstOut, _fixture.Spec);
        string file = Path.Combine(_fixture.WorkDirectory, "a-file");
        File.WriteAllText(file, "not a folder");
        string under = Path.Combine(file, "report");
        CliResult result = await Cli.RunAsync(CommandTimeout, "results", id, "--format", "json", "--out", under, "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(result, 2);
        _output.Check(result, () =>
        {
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith($"scalesweep results: --out: cannot write the report to '{under}'", line);
            Assert.EndsWith("(see 'scalesweep results --help')", line);
        });
    }

    /// <summary>
    /// seeds.csv, printed (--format seeds) and written (--out DIR --seeds) from one stored sweep: the same
    /// text; every group holds exactly the spec's seeds in its order; and at every group and step the mean
    /// of the non-diverged seeds' losses is curves.csv's mean. To 1e-12 relative, not bit for bit: the
    /// report's mean may add the same n doubles in another order (or form), which moves the last bits
    /// only (n eps ~ 1e-15 for a few seeds), while a wrong seed or step would move it by far more.
    /// </summary>
    [Fact]
    public async Task Results_print_and_write_every_seeds_curve_whose_mean_is_curves_csv()
    {
        (SiloProcess silo, _) = await FirstRun();
        string id = ReportChecks.CheckReport(_fixture.FirstOut, _fixture.Spec);
        string directory = Path.Combine(_fixture.WorkDirectory, "seeds");
        CliResult printed = await Cli.RunAsync(CommandTimeout, "results", id, "--format", "seeds", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(printed, 0);
        CliResult written = await Cli.RunAsync(CommandTimeout, "results", id, "--format", "csv", "--out", directory, "--seeds", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(written, 0);
        _output.Check(written, () =>
        {
            string seedsCsv = File.ReadAllText(Path.Combine(directory, "seeds.csv"));
            Assert.Equal(printed.StdOut, seedsCsv);
            Assert.Equal(File.ReadAllText(Path.Combine(directory, "curves.csv")), written.StdOut);
            CheckSeedsAgainstCurves(seedsCsv, written.StdOut, SpecSeeds(_fixture.Spec.Path));
        });
    }

    /// <summary>
    /// An mlp-circle sweep through the binary (on the fixture's silo): its curves.csv and seeds.csv carry q, qPhi and depth
    /// after the ten group columns of the other models, and seeds.csv's means are curves.csv's as for any sweep.
    /// </summary>
    [Fact]
    public async Task An_mlp_circle_sweeps_curves_and_seeds_csv_carry_q_qPhi_and_depth()
    {
        (SiloProcess silo, _) = await FirstRun();
        string spec = Path.Combine(_fixture.WorkDirectory, "mlp-csv.json");
        File.WriteAllText(spec, """
            { "name": "mlp-csv", "model": "mlp-circle", "q": [1, 1.5], "qPhi": [1], "gamma0": [1], "depth": 2,
              "N": [16], "B": [8], "eta": 0.1, "steps": 100, "seeds": 2 }
            """);
        string directory = Path.Combine(_fixture.WorkDirectory, "mlp-csv");
        CliResult run = await Cli.RunAsync(GatewaySweepFixture.RunTimeout, "run", spec, "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId, "--out", directory);
        _output.ShouldExit(run, 0);
        string id;
        using (JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "report.json"))))
        {
            id = report.RootElement.GetProperty("id").GetString()!;
        }

        CliResult seeds = await Cli.RunAsync(CommandTimeout, "results", id, "--format", "seeds", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId);
        _output.ShouldExit(seeds, 0);
        _output.Check(seeds, () =>
        {
            string curves = File.ReadAllText(Path.Combine(directory, "curves.csv"));
            Assert.StartsWith("model,alpha,beta,gamma,N,P,B,eta,M,steps,q,qPhi,depth,step,mean,sem,n,train_mean,train_sem\n", curves);
            Assert.Contains("\nmlp-circle,2,0.5,1,16,inf,8,0.1,", curves); // q = 1: eq. 14's alpha 2, beta 0.5
            Assert.Contains(",100,1,1,2,", curves); // steps, then q, qPhi, depth
            Assert.Contains(",100,1.5,1,2,", curves);
            CheckSeedsAgainstCurves(seeds.StdOut, curves, [0, 1], "model,alpha,beta,gamma,N,P,B,eta,M,steps,q,qPhi,depth,seed,step,loss,diverged,train_loss", groupColumns: 13);
        });
    }

    [Fact]
    public async Task Results_refuses_seeds_without_out_before_connecting_and_exits_2()
    {
        CliResult result = await Cli.RunAsync(CommandTimeout, "results", "some-sweep-000000000000", "--seeds", "--gateway", "127.0.0.1:1");
        _output.ShouldExit(result, 2);
        _output.Check(result, () =>
        {
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("scalesweep results: --seeds: needs --out", line);
            Assert.EndsWith("(see 'scalesweep results --help')", line);
            Assert.Equal("", result.StdOut);
        });
    }

    private static void CheckSeedsAgainstCurves(
        string seedsCsv,
        string curvesCsv,
        ulong[] specSeeds,
        string header = "model,alpha,beta,gamma,N,P,B,eta,M,steps,seed,step,loss,diverged,train_loss",
        int groupColumns = 10)
    {
        string[] seedLines = seedsCsv.Split('\n');
        string[] curveLines = curvesCsv.Split('\n');
        Assert.Equal(header, seedLines[0]);
        Assert.Equal("", seedLines[^1]);
        int g = groupColumns;

        // By group (its config columns): the seeds in order of appearance, and the non-diverged losses by step.
        var seedsOf = new Dictionary<string, List<ulong>>(StringComparer.Ordinal);
        var lossesAt = new Dictionary<(string Group, long Step), List<double>>();
        foreach (string line in seedLines[1..^1])
        {
            string[] cells = line.Split(',');
            Assert.Equal(g + 5, cells.Length);
            string group = string.Join(',', cells[..g]);
            ulong seed = ulong.Parse(cells[g], CultureInfo.InvariantCulture);
            List<ulong> seeds = seedsOf.TryGetValue(group, out List<ulong>? known) ? known : seedsOf[group] = [];
            if (seeds.Count == 0 || seeds[^1] != seed)
            {
                seeds.Add(seed);
            }

            if (cells[g + 3] == "false")
            {
                long step = long.Parse(cells[g + 1], CultureInfo.InvariantCulture);
                (lossesAt.TryGetValue((group, step), out List<double>? losses) ? losses : lossesAt[(group, step)] = []).Add(double.Parse(cells[g + 2], CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.Equal("true", cells[g + 3]);
            }
        }

        Assert.Equal(GroupsOf(curveLines, g), seedsOf.Keys.Order(StringComparer.Ordinal));
        Assert.All(seedsOf.Values, seeds => Assert.Equal(specSeeds, seeds));

        int checkedRows = 0;
        foreach (string line in curveLines[1..^1])
        {
            string[] cells = line.Split(',');
            string group = string.Join(',', cells[..g]);
            long step = long.Parse(cells[g], CultureInfo.InvariantCulture);
            double mean = double.Parse(cells[g + 1], CultureInfo.InvariantCulture);
            int n = int.Parse(cells[g + 3], CultureInfo.InvariantCulture);
            List<double> losses = lossesAt[(group, step)];
            Assert.Equal(n, losses.Count);
            double seedMean = losses.Sum() / losses.Count;
            Assert.True(Math.Abs(seedMean - mean) <= 1e-12 * Math.Abs(mean), $"{group} step {step}: seeds.csv mean {seedMean:R}, curves.csv mean {mean:R}");
            checkedRows++;
        }

        Assert.Equal(lossesAt.Count, checkedRows);
    }

    /// <summary>The groups of curves.csv's rows, by their config columns (10, or 13 for mlp-circle).</summary>
    private static IEnumerable<string> GroupsOf(string[] lines, int groupColumns) =>
        lines[1..^1].Select(l => string.Join(',', l.Split(',')[..groupColumns])).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The spec's seeds, read from its JSON: a count k is 0 .. k-1 (docs/sweep-spec.md), a list is itself.</summary>
    private static ulong[] SpecSeeds(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement seeds = document.RootElement.GetProperty("seeds");
        return seeds.ValueKind == JsonValueKind.Array
            ? seeds.EnumerateArray().Select(s => s.GetUInt64()).ToArray()
            : Enumerable.Range(0, seeds.GetInt32()).Select(i => (ulong)i).ToArray();
    }

    /// <summary>The fixture's silo and first run, which must have succeeded; logs the silo's log tail when not.</summary>
    private async Task<(SiloProcess Silo, CliResult Run)> FirstRun()
    {
        (SiloProcess silo, CliResult run) = await _fixture.FirstRunAsync();
        if (run.ExitCode != 0)
        {
            _output.WriteLine(silo.LogTail());
        }

        _output.ShouldExit(run, 0);
        return (silo, run);
    }
}

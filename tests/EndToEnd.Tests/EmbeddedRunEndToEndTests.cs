using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// `scalesweep run` without --gateway: the CLI hosts a silo in its own process, on the Azurite that
/// already listens (the collection's), and the state it stores there makes the next run of the same
/// spec return the stored report.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EmbeddedRunEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);
    private readonly TempDirectory _directory = new("embedded");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_with_the_embedded_silo_writes_the_report_and_a_second_run_returns_it()
    {
        // The embedded silo always uses the store's default prefix, so the spec's name (and with it the
        // sweep id) is new each time: the first run must compute, not find an earlier test's sweep.
        SpecFile spec = SpecFile.WriteSmall(_directory.FullName, "e2e-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        string data = _directory.Combine("data");
        string first = _directory.Combine("first");
        string second = _directory.Combine("second");

        CliResult run = await Cli.RunAsync(Timeout, "run", spec.Path, "--data", data, "--out", first, "--workers", "2");
        output.ShouldExit(run, 0);
        output.Check(run, () =>
        {
            Assert.Contains($"{spec.Runs} runs on the embedded silo", run.StdErr);
            ReportChecks.CheckReport(first, spec);
            ReportChecks.CheckPlots(first);
        });

        CliResult again = await Cli.RunAsync(Timeout, "run", spec.Path, "--data", data, "--out", second, "--workers", "2");
        output.ShouldExit(again, 0);
        output.Check(again, () =>
        {
            Assert.Contains("already complete", again.StdErr);
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, "report.json")), File.ReadAllBytes(Path.Combine(second, "report.json")));
        });
    }

    [Fact]
    public async Task After_Ctrl_C_status_and_list_say_the_sweep_is_interrupted_and_how_to_resume_it_and_run_resumes_it()
    {
        (string path, SpecFile spec, string data, string outDir, string id) = await InterruptedSweep("e2e-interrupt-");
        CliResult status = await Cli.RunAsync(Timeout, "status", id, "--data", data);
        output.ShouldExit(status, 0);
        output.Check(status, () =>
        {
            Assert.StartsWith($"{id}: ", status.StdOut);
            Assert.Contains("0 computing", status.StdOut);
            Assert.Contains("(interrupted: ", status.StdOut);
            Assert.Contains("`scalesweep run SPEC` with the same spec resumes it", status.StdOut);
            Assert.StartsWith("scalesweep status: starting the embedded silo to read the stored sweeps", status.ErrorLines.First(l => l.Contains("embedded silo")));
        });

        CliResult list = await Cli.RunAsync(Timeout, "list", "--data", data);
        output.ShouldExit(list, 0);
        output.Check(list, () =>
        {
            string row = list.StdOut.Split('\n').Single(l => l.Contains(id));
            Assert.Contains("interrupted", row);
            Assert.Contains($"scalesweep list: {id} is interrupted: ", list.StdErr);
        });

        CliResult resumed = await Cli.RunAsync(Timeout, "run", path, "--data", data, "--out", outDir, "--workers", "2");
        output.ShouldExit(resumed, 0);
        output.Check(resumed, () => ReportChecks.CheckReport(outDir, spec));

        CliResult after = await Cli.RunAsync(Timeout, "status", id, "--data", data);
        output.ShouldExit(after, 0);
        output.Check(after, () => Assert.Contains("(completed)", after.StdOut));
    }

    [Fact]
    public async Task Resume_on_the_embedded_default_follows_an_interrupted_sweep_to_its_end_and_writes_the_report()
    {
        (_, SpecFile spec, string data, string outDir, string id) = await InterruptedSweep("e2e-resume-");

        // The embedded silo lives as long as the command: resume must follow the sweep, not return at once.
        CliResult resumed = await Cli.RunAsync(Timeout, "resume", id, "--data", data, "--out", outDir, "--workers", "2");
        output.ShouldExit(resumed, 0);
        output.Check(resumed, () =>
        {
            ReportChecks.CheckReport(outDir, spec);
            Assert.Contains("(completed)", resumed.StdErr);
        });
    }

    /// <summary>
    /// Starts `run` on a new spec of runs lasting a few seconds each and presses Ctrl+C once the first run
    /// finished, before the last: most runs are left unfinished, with checkpoints.
    /// </summary>
    private async Task<(string Path, SpecFile Spec, string Data, string OutDir, string Id)> InterruptedSweep(string prefix)
    {
        // Runs of a few seconds each, so Ctrl+C after the first one finished leaves most unfinished. Runs are
        // stored by what they compute, not by sweep, on the store every embedded silo shares: seeds of this
        // test's own keep an earlier test run's stored runs from completing the sweep at once.
        string name = prefix + Guid.NewGuid().ToString("N")[..8];
        int seed = Random.Shared.Next(1_000, 1_000_000_000);
        string path = _directory.Combine(name + ".json");
        File.WriteAllText(path, $$"""
            { "name": "{{name}}", "model": "projected", "alpha": [2], "beta": [0.4], "gamma": [0, 1], "N": [64, 128],
              "B": ["inf"], "eta": 0.05, "M": 1000, "steps": 300000, "seeds": [{{seed}}, {{seed + 1}}], "checkpointSeconds": 0.5 }
            """);
        SpecFile spec = SpecFile.Read(path);
        string data = _directory.Combine("data");
        string outDir = _directory.Combine("out");

        // Without a terminal the progress is a plain line as runs finish: Ctrl+C after the first, before the last.
        (CliResult run, bool interrupted) = await Cli.InterruptAsync(Interrupt.WhenErrorLine(
            line => System.Text.RegularExpressions.Regex.Match(line, @"^scalesweep run: (\d+)/(\d+) runs done") is { Success: true } m
                && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is > 0 and var done && done < int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)),
            Timeout, "run", path, "--data", data, "--out", outDir, "--workers", "2");
        output.ShouldExit(run, 130);
        output.Check(run, () =>
        {
            Assert.True(interrupted, "no progress line said one run was done");
            Assert.Contains("interrupted", run.StdErr);
            Assert.False(File.Exists(Path.Combine(outDir, "report.json")), "a report was written");
        });

        string id = run.ErrorLines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"sweep (\S+): \d+ runs")).First(m => m.Success).Groups[1].Value;

        return (path, spec, data, outDir, id);
    }
}

using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// `scalesweep run` without --gateway: the CLI hosts a silo in its own process, on the Azurite that
/// already listens (the collection's), and the state it stores there makes the next run of the same
/// spec return the stored report.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EmbeddedRunEndToEndTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);
    private readonly ITestOutputHelper _output;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scalesweep-e2e-embedded-" + Guid.NewGuid().ToString("N")[..8]);

    public EmbeddedRunEndToEndTests(Azurite azurite, ITestOutputHelper output)
    {
        _ = azurite;
        _output = output;
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Run_with_the_embedded_silo_writes_the_report_and_a_second_run_returns_it()
    {
        // The embedded silo always uses the store's default prefix, so the spec's name (and with it the
        // sweep id) is new each time: the first run must compute, not find an earlier test's sweep.
        SpecFile spec = SpecFile.WriteSmall(_directory, "e2e-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        string data = Path.Combine(_directory, "data");
        string first = Path.Combine(_directory, "first");
        string second = Path.Combine(_directory, "second");

        CliResult run = await Cli.RunAsync(Timeout, "run", spec.Path, "--data", data, "--out", first, "--workers", "2");
        _output.ShouldExit(run, 0);
        _output.Check(run, () =>
        {
            Assert.Contains($"{spec.Runs} runs on the embedded silo", run.StdErr);
            ReportChecks.CheckReport(first, spec);
            ReportChecks.CheckPlots(first);
        });

        CliResult again = await Cli.RunAsync(Timeout, "run", spec.Path, "--data", data, "--out", second, "--workers", "2");
        _output.ShouldExit(again, 0);
        _output.Check(again, () =>
        {
            Assert.Contains("already complete", again.StdErr);
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, "report.json")), File.ReadAllBytes(Path.Combine(second, "report.json")));
        });
    }
}

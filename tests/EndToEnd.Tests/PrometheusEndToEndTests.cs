using System.Globalization;
using System.Text.RegularExpressions;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// A real silo process with its Prometheus scrape endpoint on a free loopback port: what it serves
/// before, during and after a sweep run through its gateway.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class PrometheusEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);
    private readonly TempDirectory _directory = new("metrics");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_scrape_endpoint_serves_the_sweeps_steps_runs_and_worker_slots_with_Orleans_and_runtime_metrics()
    {
        int port = FreePorts.Take(1)[0];
        using SiloProcess silo = await SiloProcess.StartAsync(workers: 2, TimeSpan.FromSeconds(60), new Dictionary<string, string>
        {
            ["ScaleSweep__Telemetry__PrometheusPort"] = port.ToString(CultureInfo.InvariantCulture),
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            // Before any sweep: the slot gauges are there, every slot free.
            Scrape before = await ScrapeAsync(http);
            Assert.Equal(2, before.Value("scalesweep_worker_slots", ("slot_state", "free")));
            Assert.Equal(0, before.Value("scalesweep_worker_slots", ("slot_state", "busy")));

            SpecFile spec = SpecFile.WriteSmall(_directory.FullName, "e2e-metrics-" + Guid.NewGuid().ToString("N")[..8]);
            Task<CliResult> run = Cli.RunAsync(Timeout, "run", spec.Path, "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId, "--out", _directory.Combine("out"));

            // While it runs, the endpoint answers (scrapes must not wait for the workers).
            int scrapes = 0;
            while (!run.IsCompleted)
            {
                await ScrapeAsync(http);
                scrapes++;
                await Task.WhenAny(run, Task.Delay(250));
            }

            CliResult result = await run;
            output.ShouldExit(result, 0);
            output.WriteLine($"{scrapes} scrapes while the sweep ran");

            Scrape after = await ScrapeAsync(http);
            const long StepsPerRun = 400;
            output.Check(result, () =>
            {
                Assert.Equal(spec.Runs * StepsPerRun, after.Value("scalesweep_steps_total"));
                Assert.Equal(spec.Runs, after.Value("scalesweep_runs_finished_total", ("run_status", "completed")));
                Assert.Equal(spec.Runs, after.Value("scalesweep_run_duration_seconds_count", ("run_status", "completed")));
                Assert.Equal(spec.Runs, after.Value("scalesweep_sweep_runs", ("sweep_name", spec.Name), ("run_state", "completed")));
                Assert.Equal(0, after.Value("scalesweep_sweep_runs", ("sweep_name", spec.Name), ("run_state", "pending")));
                Assert.Equal(spec.Runs * StepsPerRun, after.Value("scalesweep_sweep_steps_done", ("sweep_name", spec.Name)));
                Assert.Equal(0, after.Value("scalesweep_sweeps_active"));
                Assert.Equal(2, after.Value("scalesweep_worker_slots", ("slot_state", "free")));

                // Every run's row (its end, and any checkpoints) went to the results table, in fewer requests than rows or as many.
                Assert.True(after.Value("scalesweep_results_rows_total") >= spec.Runs);
                Assert.InRange(after.Value("scalesweep_results_requests_total"), 1, after.Value("scalesweep_results_rows_total"));

                // Orleans' meter and the runtime's beside ScaleSweep's (final runs and done groups deactivate; the sweep stays).
                Assert.True(after.Value("orleans_catalog_activations", ("grain_type", "sweep")) > 0);
                Assert.Contains(after.Samples, s => s.Name.StartsWith("dotnet_gc_", StringComparison.Ordinal));
                Assert.Contains(after.Samples, s => s.Name == "target_info" && s.Labels.GetValueOrDefault("service_name") == "scalesweep-silo");
            });
            Assert.Contains($"scrape endpoint http://127.0.0.1:{port}/metrics", silo.LogTail(200));
        }
        catch
        {
            output.WriteLine(silo.LogTail());
            throw;
        }
    }

    private static async Task<Scrape> ScrapeAsync(HttpClient http)
    {
        string text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var samples = new List<Sample>();
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            Match match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return new Scrape(samples);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    private sealed record Scrape(IReadOnlyList<Sample> Samples)
    {
        /// <summary>The sum over the series of <paramref name="name"/> with these labels; fails when there is none.</summary>
        public double Value(string name, params (string Key, string Value)[] labels)
        {
            Sample[] matching = Samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToArray();
            Assert.True(matching.Length > 0, $"no series {name}{{{string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} in the scrape");
            return matching.Sum(s => s.Value);
        }
    }
}

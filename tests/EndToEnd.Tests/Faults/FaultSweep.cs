using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Faults;

/// <summary>
/// The sweep every fault test runs: 8 projected-model runs (gamma 0 and 1, 4 seeds, N = 128, B = 64,
/// M = 2000; 12 runs) of 250,000 steps, 4 to 20 s of compute each on 2 cores (idle to busy), and the report of an uninterrupted
/// run of the same runs to compare against.
/// </summary>
public static class FaultSweep
{
    /// <summary>One name for every test: a report depends on its runs only, and each test has its own storage.</summary>
    public const string Name = "faults";

    /// <summary>
    /// Steps of every run: long enough that a run a test picks after it computed 1.5 s is still far from its
    /// end on an idle machine (at 100,000 steps a run took 1.7 s, and a picked run could finish as its silo
    /// was being stopped, leaving the test nothing lost to check).
    /// </summary>
    public const long Steps = 250_000;

    private static readonly SemaphoreSlim ReferenceGate = new(1, 1);
    private static string? _referenceGroups;

    /// <summary>
    /// Writes the spec with the given checkpoint interval. The interval is not part of a run's identity,
    /// so every variant has the same runs, sweep id and report.
    /// </summary>
    public static SpecFile Write(string directory, double checkpointSeconds)
    {
        string path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"faults-cp{checkpointSeconds}.json"));
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "{{Name}}",
              "model": "projected",
              "alpha": [2],
              "beta": [0.4],
              "gamma": [0, 1],
              "N": [128],
              "B": [64],
              "eta": 0.05,
              "M": 2000,
              "steps": {{Steps}},
              "seeds": 6,
              "checkpointSeconds": {{checkpointSeconds}}
            }
            """));
        return SpecFile.Read(path);
    }

    /// <summary>
    /// The report's "groups" (raw JSON) of the sweep run without faults on one silo of its own (a fresh
    /// storage prefix on the shared Azurite), computed by the first test that asks and kept for the others.
    /// </summary>
    public static async Task<string> ReferenceGroupsAsync(ITestOutputHelper output)
    {
        await ReferenceGate.WaitAsync();
        try
        {
            if (_referenceGroups is not null)
            {
                return _referenceGroups;
            }

            string directory = Path.Combine(Path.GetTempPath(), "scalesweep-faults-reference-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            SpecFile spec = Write(directory, checkpointSeconds: 30);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using SiloProcess silo = await SiloProcess.StartAsync(workers: 2, timeout: TimeSpan.FromSeconds(60));
            string id = await SweepCommands.SubmitAsync(output, spec.Path, silo.Gateway, silo.ClusterId);
            await SweepCommands.WaitUntilCompletedAsync(output, id, () => silo.Gateway, silo.ClusterId, TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(2));
            _referenceGroups = await SweepCommands.GroupsAsync(output, id, silo.Gateway, silo.ClusterId);
            output.WriteLine($"reference: sweep {id}, {spec.Runs} runs on one uninterrupted silo in {clock.Elapsed.TotalSeconds:F1} s");
            Directory.Delete(directory, recursive: true);
            return _referenceGroups;
        }
        finally
        {
            ReferenceGate.Release();
        }
    }
}

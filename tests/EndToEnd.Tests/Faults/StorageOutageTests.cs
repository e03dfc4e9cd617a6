using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Faults;

/// <summary>
/// The storage goes away for 30 s in the middle of a sweep: a private, persistent Azurite of the test's
/// own (the shared one stays up) is stopped and started again on the same ports and data. The silos
/// must ride it out, and the sweep complete with every run stored once and the uninterrupted sweep's
/// groups, byte for byte. What `scalesweep status` says meanwhile is recorded.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_30_second_storage_outage_mid_sweep_delays_the_sweep_and_changes_nothing()
    {
        var scenario = new FaultScenario(output, "storage-outage");
        string reference = await FaultSweep.ReferenceGroupsAsync(output);
        SpecFile spec = FaultSweep.Write(scenario.DirectoryPath, checkpointSeconds: 1);
        using var storage = new PrivateAzurite(Path.Combine(scenario.DirectoryPath, "azurite"));
        using SiloCluster cluster = FaultCluster.Create(scenario, 2, "AzureStorage", storage.ConnectionString);
        await cluster.StartAllAsync();
        scenario.Measure("clustering", cluster.Clustering + " (membership table in the storage that goes away)");
        string id = await SweepCommands.SubmitAsync(output, spec.Path, cluster.Gateway(0), cluster.ClusterId);
        DateTime submitted = DateTime.UtcNow;

        await FaultCluster.WaitForRunsInFlightAsync(cluster, 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        DateTime down = DateTime.UtcNow;
        storage.Stop();
        scenario.Note($"storage stopped; {FaultChecks.InFlight(cluster.RunEvents(), down, cluster.Workers).Count} runs in flight");

        foreach (int at in new[] { 5, 20 })
        {
            await DelayUntil(down + TimeSpan.FromSeconds(at));
            SweepStatusReading status = await SweepCommands.StatusAsync(id, cluster.Gateway(0), cluster.ClusterId, TimeSpan.FromSeconds(9));
            scenario.Measure($"`status --json` {at} s into the outage",
                string.Create(CultureInfo.InvariantCulture, $"{status} (exit {status.Result.ExitCode} after {status.Result.Elapsed.TotalSeconds:F1} s)"));
        }

        await DelayUntil(down + Outage);
        storage.Start();
        DateTime restored = DateTime.UtcNow;
        scenario.Measure("storage outage", restored - down);
        for (int slot = 0; slot < cluster.Size; slot++)
        {
            Assert.True(cluster[slot].IsRunning, $"silo {slot} did not survive the storage outage:\n{cluster[slot].LogTail()}");
        }

        SweepStatusReading done = await SweepCommands.WaitUntilCompletedAsync(output, id, () => cluster.Gateway(0), cluster.ClusterId, FaultCluster.CompletionTimeout);
        DateTime completed = DateTime.UtcNow;
        Assert.Equal(spec.Runs, done.Completed);

        IReadOnlyList<RunEvent> events = cluster.RunEvents();
        output.WriteLine(FaultChecks.Describe(events));
        IReadOnlyList<SiloLogLine> lines = cluster.Lines();
        int storageWarnings = lines.Count(l => l.Time >= down && l.Message.Contains("could not reach storage", StringComparison.Ordinal));
        RunEvent? firstStored = events.Where(e => e.Kind == RunEventKind.Stored && e.Time >= down).MinBy(e => e.Time);
        scenario.Measure("run grains' \"could not reach storage; retrying\" warnings", storageWarnings.ToString(CultureInfo.InvariantCulture));
        scenario.Measure("runs resumed from a checkpoint after the outage (a run grain lost)",
            events.Count(e => e.Kind == RunEventKind.Resumed && e.Time >= down).ToString(CultureInfo.InvariantCulture));
        if (firstStored is not null)
        {
            scenario.Measure("storage back -> first run outcome stored", firstStored.Time - restored);
        }

        scenario.Measure("storage back -> sweep completed (as seen by status polling)", completed - restored);
        scenario.Measure("submit -> sweep completed", completed - submitted);
        FaultChecks.AssertEachRunStoredOnce(events, spec.Runs);
        FaultChecks.AssertSameGroups(reference, await SweepCommands.GroupsAsync(output, id, cluster.Gateway(0), cluster.ClusterId));
        scenario.Measure("results", "every run stored once; groups byte-identical to the uninterrupted sweep");
    }

    private static async Task DelayUntil(DateTime when)
    {
        TimeSpan wait = when - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}

using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Faults;

/// <summary>
/// Every silo of the cluster is killed (kill -9) in the middle of a sweep and started again on the same
/// storage. With nobody asking, the sweep's reminder must wake it and its runs continue from their
/// checkpoints; killed and restarted once more, `scalesweep resume` must continue them at once. The
/// sweep then completes with every run stored once and the uninterrupted sweep's groups, byte for byte.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ClusterRestartTests(ITestOutputHelper output)
{
    /// <summary>The sweep's reminder period (SweepGrain): a restarted cluster resumes a sweep within it.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task After_every_silo_is_killed_the_sweep_resumes_by_itself_and_on_the_resume_command()
    {
        var scenario = new FaultScenario(output, "restart");
        string reference = await FaultSweep.ReferenceGroupsAsync(output);
        SpecFile spec = FaultSweep.Write(scenario.DirectoryPath, checkpointSeconds: 0.5);
        using SiloCluster cluster = FaultCluster.Create(scenario, 2, "AzureStorage", Azurite.ConnectionString);
        await cluster.StartAllAsync();
        string id = await SweepCommands.SubmitAsync(output, spec.Path, cluster.Gateway(0), cluster.ClusterId);
        DateTime submitted = cluster.Lines().Where(l => l.Message.StartsWith($"Sweep {id} submitted", StringComparison.Ordinal)).Select(l => l.Time).Single();

        // 1. Kill every silo, start them again, and leave the sweep alone: its reminder must wake it.
        (IReadOnlyList<RunInFlight> lost, DateTime killed, DateTime up) = await KillAllAndRestartAsync(scenario, cluster, "first");
        string[] failed = GenerationSources(cluster, 0);
        await FaultScenario.WaitForAsync(() => FaultChecks.AllResumed(cluster.RunEvents(), lost, failed, killed),
            ReminderPeriod + TimeSpan.FromSeconds(60), () => "the sweep did not resume by itself:\n" + FaultChecks.Describe(cluster.RunEvents()));
        IReadOnlyList<RunEvent> resumed = FaultChecks.Resumptions(cluster.RunEvents(), lost, failed, killed);
        Assert.All(resumed, r => Assert.True(r.Time >= up, $"run {r.Key[..12]} resumed at {r.Time:HH:mm:ss.fff}, before the restart"));
        scenario.Measure("restart -> first lost run running again, by the sweep's reminder (no command)", resumed.Min(r => r.Time) - up);
        scenario.Measure("restart -> every lost run running again, by the reminder", resumed.Max(r => r.Time) - up);
        scenario.Measure("reminder: sweep submitted -> resumed (period 60 s, first due 60 s after submit)", resumed.Min(r => r.Time) - submitted);
        scenario.Measure("steps the lost runs resumed from (reminder)", string.Join(", ", resumed.Select(r => r.Step)));
        FaultChecks.AssertResumedFromCheckpoints(cluster.RunEvents(), lost, resumed);

        // 2. Again, and this time `scalesweep resume` right after the restart.
        DateTime previous = resumed.Max(r => r.Time);
        (IReadOnlyList<RunInFlight> lost2, DateTime killed2, DateTime up2) = await KillAllAndRestartAsync(scenario, cluster, "second", previous);
        CliResult resume = await Cli.RunAsync(TimeSpan.FromSeconds(60), "resume", id, "--gateway", cluster.Gateway(0), "--cluster-id", cluster.ClusterId);
        output.ShouldExit(resume, 0);
        DateTime commanded = DateTime.UtcNow - resume.Elapsed;
        string[] failed2 = GenerationSources(cluster, 1);
        await FaultScenario.WaitForAsync(() => FaultChecks.AllResumed(cluster.RunEvents(), lost2, failed2, killed2),
            TimeSpan.FromSeconds(30), () => "the sweep did not resume on `scalesweep resume`:\n" + FaultChecks.Describe(cluster.RunEvents()));
        IReadOnlyList<RunEvent> resumed2 = FaultChecks.Resumptions(cluster.RunEvents(), lost2, failed2, killed2);
        scenario.Measure("restart -> resume command sent", commanded - up2);
        scenario.Measure("resume command -> every lost run running again", resumed2.Max(r => r.Time) - commanded);
        scenario.Measure("steps the lost runs resumed from (resume command)", string.Join(", ", resumed2.Select(r => r.Step)));
        FaultChecks.AssertResumedFromCheckpoints(cluster.RunEvents(), lost2, resumed2);

        // The reminder ticks every period after the first, which is due one period after the submit: when
        // the resumption came before the next tick, the command is what did it.
        DateTime nextTick = submitted + ReminderPeriod * Math.Ceiling((commanded - submitted) / ReminderPeriod);
        scenario.Measure("next reminder tick after the resume command", FaultScenario.Seconds(nextTick - commanded) + " later");
        if (nextTick - commanded > TimeSpan.FromSeconds(5))
        {
            Assert.True(resumed2.Max(r => r.Time) < nextTick, "the runs resumed only at the reminder's tick, not on the resume command");
        }

        SweepStatusReading done = await SweepCommands.WaitUntilCompletedAsync(output, id, () => cluster.Gateway(0), cluster.ClusterId, FaultCluster.CompletionTimeout);
        Assert.Equal(spec.Runs, done.Completed);
        scenario.Measure("submit -> sweep completed (two full restarts)", DateTime.UtcNow - submitted);
        IReadOnlyList<RunEvent> events = cluster.RunEvents();
        output.WriteLine(FaultChecks.Describe(events));
        FaultChecks.AssertEachRunStoredOnce(events, spec.Runs);
        FaultChecks.AssertSameGroups(reference, await SweepCommands.GroupsAsync(output, id, cluster.Gateway(0), cluster.ClusterId));
        scenario.Measure("results", "every run stored once over 3 generations of silos; groups byte-identical to the uninterrupted sweep");
    }

    /// <summary>Waits for runs worth losing, kills every silo, starts them all again on the same ports.</summary>
    private async Task<(IReadOnlyList<RunInFlight> Lost, DateTime Killed, DateTime Up)> KillAllAndRestartAsync(
        FaultScenario scenario, SiloCluster cluster, string which, DateTime? since = null)
    {
        await FaultCluster.WaitForCheckpointedRunAsync(cluster, TimeSpan.FromSeconds(60), since);
        string[] sources = Enumerable.Range(0, cluster.Size).Select(cluster.Source).ToArray();
        DateTime killed = DateTime.UtcNow;
        for (int slot = 0; slot < cluster.Size; slot++)
        {
            cluster[slot].Kill();
        }

        for (int slot = 0; slot < cluster.Size; slot++)
        {
            Assert.True(await cluster[slot].WaitForExitAsync(TimeSpan.FromSeconds(5)), $"silo {slot} survived kill -9");
        }

        IReadOnlyList<RunInFlight> lost = FaultChecks.Lost(cluster.RunEvents(), sources, killed, cluster.Workers);
        Assert.NotEmpty(lost);
        scenario.Note($"{which} kill of every silo: {lost.Count} runs in flight");
        await cluster.StartAllAsync();
        DateTime up = DateTime.UtcNow;
        scenario.Measure($"{which} kill -9 of every silo -> all restarted (gateways answer)", up - killed);
        scenario.Measure($"{which} kill: runs in flight", $"{lost.Count}, computing {string.Join(", ", lost.Select(r => FaultScenario.Seconds(r.ComputedFor(killed))))}");
        return (lost, killed, up);
    }

    private static string[] GenerationSources(SiloCluster cluster, int generation) =>
        Enumerable.Range(0, cluster.Size).Select(slot => $"silo-{slot}.{generation}").ToArray();
}

using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Faults;

/// <summary>
/// One silo of a running cluster fails in the middle of a sweep (kill -9, SIGSTOP, SIGTERM); the sweep
/// must complete with every run stored exactly once (counted in every silo's log, the failed one's
/// included), its lost runs continued on the other silos from their checkpoints, and a report whose
/// groups equal an uninterrupted sweep's byte for byte. The CLI follows the sweep through a silo that
/// does not fail, polling `status` every second as `scalesweep run` would.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    /// <summary>Without periodic checkpoints, a lost run that had computed this long must resume from its final snapshot.</summary>
    private static readonly TimeSpan GracefulBound = TimeSpan.FromSeconds(1);

    /// <summary>How long a graceful-stop victim's runs compute before the fault.</summary>
    private static readonly TimeSpan GracefulMinRunning = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Kill_9_of_one_silo_of_three_loses_no_run_and_gives_identical_results()
    {
        var scenario = new FaultScenario(output, "kill9");
        string reference = await FaultSweep.ReferenceGroupsAsync(output);
        await RunAsync(scenario, reference, size: 3, checkpointSeconds: 0.5, async (cluster, victim, lost) =>
        {
            cluster[victim].Kill();
            Assert.True(await cluster[victim].WaitForExitAsync(TimeSpan.FromSeconds(5)), "the killed silo is still running");
        });
    }

    [Fact]
    public async Task A_hung_silo_of_three_SIGSTOP_loses_no_run_and_gives_identical_results()
    {
        var scenario = new FaultScenario(output, "sigstop");
        string reference = await FaultSweep.ReferenceGroupsAsync(output);
        await RunAsync(scenario, reference, size: 3, checkpointSeconds: 0.5, async (cluster, victim, lost) =>
        {
            DateTime fault = DateTime.UtcNow;
            cluster[victim].Pause();

            // Once its runs go on elsewhere, the hung silo wakes up: it must notice it was declared dead
            // and go, without storing anything of the runs it had (counted at the end).
            string[] failed = [cluster.Source(victim)];
            await FaultScenario.WaitForAsync(() => FaultChecks.AllResumed(cluster.RunEvents(), lost(), failed, fault),
                FaultCluster.CompletionTimeout, () => "the hung silo's runs did not resume elsewhere:\n" + FaultChecks.Describe(cluster.RunEvents()));
            DateTime resumed = DateTime.UtcNow;
            cluster[victim].Continue();
            bool exited = await cluster[victim].WaitForExitAsync(TimeSpan.FromSeconds(20));
            scenario.Measure("SIGCONT after the runs resumed elsewhere: hung silo exits by itself",
                exited ? $"yes, {FaultScenario.Seconds(DateTime.UtcNow - resumed)} after SIGCONT" : "no (still running 20 s after SIGCONT; killed)");
            if (!exited)
            {
                cluster[victim].Kill();
            }
        });
    }

    [Fact]
    public async Task SIGTERM_on_one_silo_of_two_hands_its_runs_on_from_the_steps_they_reached()
    {
        var scenario = new FaultScenario(output, "sigterm");
        string reference = await FaultSweep.ReferenceGroupsAsync(output);

        // No periodic checkpoint within a run (60 s): a lost run that resumes past step 0 does so from
        // the snapshot its silo took as it left.
        await RunAsync(scenario, reference, size: 2, checkpointSeconds: 60, async (cluster, victim, lost) =>
        {
            DateTime fault = DateTime.UtcNow;
            cluster[victim].Terminate();
            bool exited = await cluster[victim].WaitForExitAsync(TimeSpan.FromSeconds(30));
            TimeSpan exit = DateTime.UtcNow - fault;
            scenario.Measure("SIGTERM: silo exits after", exited ? FaultScenario.Seconds(exit) : "more than 30 s");
            Assert.True(exited && exit < TimeSpan.FromSeconds(10), $"the silo took {exit.TotalSeconds:F1} s to exit after SIGTERM (exited: {exited})");
        }, graceful: true);
    }

    /// <summary>
    /// Starts the cluster (AzureStorage clustering: any silo may fail), submits the sweep through slot 0,
    /// lets the fault hit the slot 1.. silo with the most runs that computed for a while, follows the
    /// sweep to its end and checks it.
    /// </summary>
    private async Task RunAsync(FaultScenario scenario, string reference, int size, double checkpointSeconds,
        Func<SiloCluster, int, Func<IReadOnlyList<RunInFlight>>, Task> fault, bool graceful = false)
    {
        SpecFile spec = FaultSweep.Write(scenario.DirectoryPath, checkpointSeconds);
        using SiloCluster cluster = FaultCluster.Create(scenario, size, "AzureStorage", Azurite.ConnectionString);
        DateTime start = DateTime.UtcNow;
        await cluster.StartAllAsync();
        scenario.Measure($"{size} silos started (gateways answer)", DateTime.UtcNow - start);

        string id = await SweepCommands.SubmitAsync(output, spec.Path, cluster.Gateway(0), cluster.ClusterId);
        DateTime submitted = DateTime.UtcNow;
        int[] candidates = Enumerable.Range(1, size - 1).ToArray();
        int victim = graceful
            ? await FaultCluster.PickVictimAsync(cluster, candidates, GracefulMinRunning, TimeSpan.FromSeconds(60))
            : await FaultCluster.PickCheckpointedVictimAsync(cluster, candidates, TimeSpan.FromSeconds(60));
        string victimSource = cluster.Source(victim);
        string[] failed = [victimSource];
        DateTime faultAt = DateTime.UtcNow;
        scenario.Note($"fault on silo {victim} ({victimSource}), {(faultAt - submitted).TotalSeconds:F1} s after submit");
        IReadOnlyList<RunInFlight> Lost() => FaultChecks.Lost(cluster.RunEvents(), failed, faultAt, cluster.Workers);
        await fault(cluster, victim, Lost);

        SweepStatusReading done = await SweepCommands.WaitUntilCompletedAsync(output, id, () => cluster.Gateway(0), cluster.ClusterId, FaultCluster.CompletionTimeout);
        DateTime completed = DateTime.UtcNow;
        Assert.Equal(spec.Runs, done.Completed);

        IReadOnlyList<RunEvent> events = cluster.RunEvents();
        IReadOnlyList<RunInFlight> lost = FaultChecks.Lost(events, failed, faultAt, cluster.Workers);
        output.WriteLine($"runs in flight on the failed silo: {lost.Count}\n{FaultChecks.Describe(events)}");
        Assert.NotEmpty(lost);
        IReadOnlyList<RunEvent> resumptions = FaultChecks.Resumptions(events, lost, failed, faultAt);

        scenario.Measure("runs lost with the silo", $"{lost.Count} of {spec.Runs}, computing {string.Join(", ", lost.Select(r => FaultScenario.Seconds(r.ComputedFor(faultAt))))} there");
        if (!graceful && FaultCluster.FirstDeathDeclaration(cluster, failed, faultAt) is { } declared)
        {
            scenario.Measure("fault -> first death declaration in a survivor's log", declared.Time - faultAt);
        }

        scenario.Measure("fault -> first lost run running again (resumes from checkpoint)", resumptions.Min(r => r.Time) - faultAt);
        scenario.Measure("fault -> every lost run running again", resumptions.Max(r => r.Time) - faultAt);
        scenario.Measure("steps the lost runs resumed from", string.Join(", ", resumptions.Select(r => r.Step)));
        scenario.Measure("submit -> sweep completed (as seen by status polling)", completed - submitted);

        FaultChecks.AssertEachRunStoredOnce(events, spec.Runs);
        FaultChecks.AssertResumedFromCheckpoints(events, lost, resumptions);
        if (graceful)
        {
            int exempt = FaultChecks.AssertResumedPastZero(events, lost, resumptions, faultAt, GracefulBound);
            scenario.Measure("lost runs whose final snapshot lost its store to a new activation (resumed from their last stored checkpoint)", $"{exempt} of {lost.Count}");
        }

        FaultChecks.AssertSameGroups(reference, await SweepCommands.GroupsAsync(output, id, cluster.Gateway(0), cluster.ClusterId));
        scenario.Measure("results", "every run stored once; groups byte-identical to the uninterrupted sweep");
    }
}

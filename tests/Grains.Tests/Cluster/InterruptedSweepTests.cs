using Orleans.TestingHost;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Tests.Infrastructure;

namespace ScaleSweep.Grains.Tests.Cluster;

/// <summary>
/// A sweep whose cluster shut down while it ran (the embedded silo after Ctrl+C): a read-only silo on the same
/// storage (the embedded silo of `status`) reports it interrupted and resumes nothing, but shows a sweep that
/// another cluster is running as running and advancing; the next normal activation resumes it to the same results.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InterruptedSweepTests
{
    private static readonly Dictionary<string, string?> ReadOnly = new() { ["ScaleSweep:Dispatch:ReadOnly"] = "true" };

    [Fact]
    public async Task AReadOnlySiloShowsARunningSweepRunningAndAnInterruptedOneInterruptedAndTheResumeIsBitIdentical()
    {
        string prefix = Azurite.NewPrefix();
        SweepSpec spec = Specs.Small("interrupt", steps: 2_000_000, checkpointSeconds: 0.1);

        TestCluster running = await ClusterFactory.StartAsync(silos: 1, workers: 2, prefix: prefix);
        try
        {
            await running.Client.GetGrain<ISweepGrain>(spec.Id()).Submit(spec);
            await WaitFor(async () => (await running.Client.GetGrain<ISweepGrain>(spec.Id()).GetStatus()).StepsDone > 50_000);

            // A reader beside the running cluster (`status` in a second terminal): running, and advancing as stored.
            TestCluster beside = await ClusterFactory.StartAsync(silos: 1, prefix: prefix, settings: ReadOnly);
            try
            {
                ISweepGrain read = beside.Client.GetGrain<ISweepGrain>(spec.Id());
                SweepStatus first = await read.GetStatus();
                Assert.Equal(SweepState.Running, first.State);
                await WaitFor(async () => (await read.GetStatus()).Runs.Finished > first.Runs.Finished);
            }
            finally
            {
                await beside.StopAllSilosAsync();
                await beside.DisposeAsync();
            }
        }
        finally
        {
            // Graceful, as the embedded silo stops on Ctrl+C.
            await running.StopAllSilosAsync();
            await running.DisposeAsync();
        }

        TestCluster reader = await ClusterFactory.StartAsync(silos: 1, prefix: prefix, settings: ReadOnly);
        try
        {
            ISweepGrain sweep = reader.Client.GetGrain<ISweepGrain>(spec.Id());
            SweepStatus interrupted = await sweep.GetStatus();
            Assert.Equal(SweepState.Interrupted, interrupted.State);
            Assert.Equal(0, interrupted.Runs.Running);
            Assert.True(interrupted.Runs.Finished < interrupted.Runs.Total, "the sweep finished before it was interrupted: make the runs longer");
            Assert.Equal(interrupted.Runs.Total, interrupted.Runs.Finished + interrupted.Runs.Pending);

            // Nothing computes it: no run advances while the reader is up.
            await Task.Delay(2500);
            SweepStatus later = await sweep.GetStatus();
            Assert.Equal(SweepState.Interrupted, later.State);
            Assert.Equal(interrupted.StepsDone, later.StepsDone);
        }
        finally
        {
            await reader.StopAllSilosAsync();
            await reader.DisposeAsync();
        }

        TestCluster resumed = await ClusterFactory.StartAsync(silos: 1, workers: 2, prefix: prefix);
        try
        {
            ISweepGrain sweep = resumed.Client.GetGrain<ISweepGrain>(spec.Id());
            Assert.Equal(SweepState.Running, (await sweep.GetStatus()).State);
            await WaitFor(async () => (await sweep.GetStatus()).State != SweepState.Running);
            Assert.Equal(SweepState.Completed, (await sweep.GetStatus()).State);
            await SweepLifecycleTests.AssertBitIdenticalToDirectRuns(resumed, spec);
        }
        finally
        {
            await resumed.StopAllSilosAsync();
            await resumed.DisposeAsync();
        }
    }

    private static async Task WaitFor(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}

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
    [Fact]
    public async Task AReadOnlySiloShowsARunningSweepRunningAndAnInterruptedOneInterruptedAndTheResumeIsBitIdentical()
    {
        string prefix = Azurite.NewPrefix();
        SweepSpec spec = Specs.Small("interrupt", steps: 2_000_000, checkpointSeconds: 0.1);

        // Stopped gracefully at the end of the block, as the embedded silo stops on Ctrl+C.
        await using (TestClusterHandle running = await TestClusterHandle.StartAsync(silos: 1, workers: 2, prefix: prefix))
        {
            ISweepGrain submitted = await running.SubmitAsync(spec);
            await Poll.UntilAsync(async () => (await submitted.GetStatus()).StepsDone > 50_000);

            // A reader beside the running cluster (`status` in a second terminal): running, and advancing as stored.
            await using TestClusterHandle beside = await TestClusterHandle.StartAsync(silos: 1, prefix: prefix, readOnly: true);
            ISweepGrain read = beside.Sweep(spec);
            SweepStatus first = await read.GetStatus();
            Assert.Equal(SweepState.Running, first.State);
            await Poll.UntilAsync(async () => (await read.GetStatus()).Runs.Finished > first.Runs.Finished);
        }

        await using (TestClusterHandle reader = await TestClusterHandle.StartAsync(silos: 1, prefix: prefix, readOnly: true))
        {
            ISweepGrain sweep = reader.Sweep(spec);
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

        await using TestClusterHandle resumed = await TestClusterHandle.StartAsync(silos: 1, workers: 2, prefix: prefix);
        ISweepGrain again = resumed.Sweep(spec);
        Assert.Equal(SweepState.Running, (await again.GetStatus()).State);
        Assert.Equal(SweepState.Completed, (await ClusterSweeps.WhileRunningAsync(again)).State);
        await resumed.AssertBitIdenticalToDirectRunsAsync(spec);
    }

    /// <summary>
    /// Finite data (P = 24 samples, multi-pass SGD with B = 6 and full batch, lazy and rich): the cluster stops
    /// mid-sweep with runs mid-epoch, a new one resumes them from their checkpoints (the training set drawn again
    /// from the seed, never stored), and every run's test and train curve equals the uninterrupted direct run's,
    /// bit for bit.
    /// </summary>
    [Fact]
    public async Task AFiniteDataSweepResumedAfterAShutdownIsBitIdentical()
    {
        SweepSpec spec = Specs.Small("finite-interrupt", steps: 500_000, widths: [16], checkpointSeconds: 0.1) with { P = [24], B = [6, null] };

        await using TestClusterHandle resumed = await ClusterSweeps.InterruptAndResumeAsync(spec, stepsBeforeStop: 150_000);
        await resumed.AssertBitIdenticalToDirectRunsAsync(spec);
    }
}

using Orleans.TestingHost;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Cluster;

/// <summary>Bad specs store nothing; cancel and resume; a silo that leaves hands its runs on from their checkpoints.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepLifecycleTests
{
    [Fact]
    public async Task ABadSpecSentStraightToTheGrainIsRefusedAndStoresNothing()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 1);


        // A client can send anything; the coordinator validates again. alpha = 1 is outside (1, inf).
        SweepSpec bad = Specs.Small("bad") with { Alpha = [1.0] };
        ISweepGrain sweep = cluster.Sweep(bad);
        SweepSpecException error = await Assert.ThrowsAsync<SweepSpecException>(() => sweep.Submit(bad));
        Assert.StartsWith("alpha", error.Field);

        Assert.Equal(SweepState.Unknown, (await sweep.GetStatus()).State);
        Assert.Empty(await cluster.Client.GetGrain<ISweepIndexGrain>(0).List());
        SimulationConfig refused = Specs.Small("bad").Grid().Runs[0] with { Alpha = 1.0 };
        Assert.Null(await cluster.Client.GetGrain<IRunGrain>(refused.Fingerprint()).GetResult(refused));
    }

    [Fact]
    public async Task ACancelledSweepStopsAndResumesToTheSameResults()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2);
        SweepSpec spec = Specs.Small("cancel", steps: 400_000, checkpointSeconds: 0.1);
        ISweepGrain sweep = await cluster.SubmitAsync(spec);
        await Poll.UntilAsync(async () => (await sweep.GetStatus()).StepsDone > 50_000);

        SweepStatus cancelled = await sweep.Cancel();
        Assert.Equal(SweepState.Cancelled, cancelled.State);
        Assert.True(cancelled.Runs.Cancelled > 0);
        await Task.Delay(500);
        long stepsAfterCancel = (await sweep.GetStatus()).StepsDone;
        await Task.Delay(1000);
        Assert.Equal(stepsAfterCancel, (await sweep.GetStatus()).StepsDone);

        Assert.Equal(SweepState.Running, (await sweep.Resume()).State);
        await Poll.UntilAsync(async () => (await sweep.GetStatus()).State != SweepState.Running);
        Assert.Equal(SweepState.Completed, (await sweep.GetStatus()).State);
        await cluster.AssertBitIdenticalToDirectRunsAsync(spec);
    }

    [Fact]
    public async Task ASiloThatLeavesMidSweepHandsItsRunsOnAndTheResultsAreBitIdentical()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 3);
        SweepSpec spec = Specs.Small("leave", steps: 400_000, checkpointSeconds: 0.1);
        ISweepGrain sweep = await cluster.SubmitAsync(spec);

        // Stop a silo (not the primary, which hosts the test cluster's membership) while it computes runs.
        SiloHandle leaving = cluster.Cluster.SecondarySilos[^1];
        string leavingId = leaving.SiloAddress.ToString();
        await Poll.UntilAsync(async () => await RunningOn(cluster, spec, leavingId) > 0);
        await cluster.Cluster.StopSiloAsync(leaving);

        await Poll.UntilAsync(async () => (await sweep.GetStatus()).State != SweepState.Running);
        Assert.Equal(SweepState.Completed, (await sweep.GetStatus()).State);
        await cluster.AssertBitIdenticalToDirectRunsAsync(spec);
    }

    private static async Task<int> RunningOn(TestClusterHandle cluster, SweepSpec spec, string silo)
    {
        int count = 0;
        foreach (SimulationConfig config in spec.Grid().Runs)
        {
            RunProgress p = await cluster.Run(config).GetProgress();
            if (p.Status == RunStatus.Running && p.Silo == silo && p.Step > 20_000)
            {
                count++;
            }
        }

        return count;
    }
}

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
        TestCluster cluster = await ClusterFactory.StartAsync(silos: 1);
        try
        {
            // A client can send anything; the coordinator validates again. alpha = 1 is outside (1, inf).
            SweepSpec bad = Specs.Small("bad") with { Alpha = [1.0] };
            ISweepGrain sweep = cluster.Client.GetGrain<ISweepGrain>(bad.Id());
            SweepSpecException error = await Assert.ThrowsAsync<SweepSpecException>(() => sweep.Submit(bad));
            Assert.StartsWith("alpha", error.Field);

            Assert.Equal(SweepState.Unknown, (await sweep.GetStatus()).State);
            Assert.Empty(await cluster.Client.GetGrain<ISweepIndexGrain>(0).List());
            Assert.Null(await cluster.Client.GetGrain<IRunGrain>((Specs.Small("bad").Grid().Runs[0] with { Alpha = 1.0 }).Fingerprint()).GetResult());
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACancelledSweepStopsAndResumesToTheSameResults()
    {
        TestCluster cluster = await ClusterFactory.StartAsync(silos: 2);
        try
        {
            SweepSpec spec = Specs.Small("cancel", steps: 400_000, checkpointSeconds: 0.1);
            ISweepGrain sweep = cluster.Client.GetGrain<ISweepGrain>(spec.Id());
            await sweep.Submit(spec);
            await WaitFor(async () => (await sweep.GetStatus()).StepsDone > 50_000);

            SweepStatus cancelled = await sweep.Cancel();
            Assert.Equal(SweepState.Cancelled, cancelled.State);
            Assert.True(cancelled.Runs.Cancelled > 0);
            await Task.Delay(500);
            long stepsAfterCancel = (await sweep.GetStatus()).StepsDone;
            await Task.Delay(1000);
            Assert.Equal(stepsAfterCancel, (await sweep.GetStatus()).StepsDone);

            Assert.Equal(SweepState.Running, (await sweep.Resume()).State);
            await WaitFor(async () => (await sweep.GetStatus()).State != SweepState.Running);
            Assert.Equal(SweepState.Completed, (await sweep.GetStatus()).State);
            await AssertBitIdenticalToDirectRuns(cluster, spec);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASiloThatLeavesMidSweepHandsItsRunsOnAndTheResultsAreBitIdentical()
    {
        TestCluster cluster = await ClusterFactory.StartAsync(silos: 3);
        try
        {
            SweepSpec spec = Specs.Small("leave", steps: 400_000, checkpointSeconds: 0.1);
            ISweepGrain sweep = cluster.Client.GetGrain<ISweepGrain>(spec.Id());
            await sweep.Submit(spec);

            // Stop a silo (not the primary, which hosts the test cluster's membership) while it computes runs.
            SiloHandle leaving = cluster.SecondarySilos[^1];
            string leavingId = leaving.SiloAddress.ToString();
            await WaitFor(async () => await RunningOn(cluster, spec, leavingId) > 0);
            await cluster.StopSiloAsync(leaving);

            await WaitFor(async () => (await sweep.GetStatus()).State != SweepState.Running);
            Assert.Equal(SweepState.Completed, (await sweep.GetStatus()).State);
            await AssertBitIdenticalToDirectRuns(cluster, spec);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static async Task<int> RunningOn(TestCluster cluster, SweepSpec spec, string silo)
    {
        int count = 0;
        foreach (SimulationConfig config in spec.Grid().Runs)
        {
            RunProgress p = await cluster.Client.GetGrain<IRunGrain>(config.Fingerprint()).GetProgress();
            if (p.Status == RunStatus.Running && p.Silo == silo && p.Step > 20_000)
            {
                count++;
            }
        }

        return count;
    }

    internal static async Task AssertBitIdenticalToDirectRuns(TestCluster cluster, SweepSpec spec)
    {
        foreach (SimulationConfig config in spec.Grid().Runs)
        {
            RunResult? result = await cluster.Client.GetGrain<IRunGrain>(config.Fingerprint()).GetResult();
            Assert.NotNull(result?.Curve);
            ISimulation direct = SimulationFactory.Create(config);
            direct.Advance(config.Steps);
            Assert.Equal(direct.Curve.Steps, result.Curve.Steps);
            Assert.Equal(direct.Curve.Loss, result.Curve.Loss);
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

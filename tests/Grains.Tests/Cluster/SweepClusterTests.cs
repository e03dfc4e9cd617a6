using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Cluster;

/// <summary>A real two-silo cluster on Azurite: sweeps complete, results equal the numerics library's, runs are shared.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepClusterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task SweepCompletesAndEveryCurveEqualsTheNumericsLibraryBitForBit()
    {
        TestCluster cluster = await ClusterFactory.StartAsync(silos: 2);
        try
        {
            SweepSpec spec = Specs.Small(checkpointSeconds: 0.05);
            SweepStatus status = await RunToEnd(cluster, spec);

            Assert.Equal(SweepState.Completed, status.State);
            Assert.Equal(8, status.Runs.Completed);
            foreach (SimulationConfig config in spec.Grid().Runs)
            {
                RunResult? result = await cluster.Client.GetGrain<IRunGrain>(config.Fingerprint()).GetResult();
                Assert.NotNull(result);
                ISimulation direct = SimulationFactory.Create(config);
                direct.Advance(config.Steps);
                Assert.Equal(direct.Curve.Steps, result.Curve!.Steps);
                Assert.Equal(direct.Curve.Loss, result.Curve.Loss); // exact: Assert.Equal on double[] compares bits of finite values
            }

            // Every group's seed mean and SEM equal the numerics library's aggregate of direct runs, bit for bit.
            SweepReport report = (await cluster.Client.GetGrain<ISweepGrain>(spec.Id()).GetReport())!;
            Assert.Equal(4, report.Groups.Length);
            foreach (GroupReport group in report.Groups)
            {
                SeedCurve[] direct = spec.Grid().Runs
                    .Where(c => c.Gamma == group.Config.Gamma && c.N == group.Config.N)
                    .Select(c =>
                    {
                        ISimulation s = SimulationFactory.Create(c);
                        s.Advance(c.Steps);
                        return new SeedCurve(s.Curve.Steps, s.Curve.Loss, s.Status == SimulationStatus.Diverged);
                    })
                    .ToArray();
                Assert.Equal(2, direct.Length);
                SeedAggregateResult expected = SeedAggregate.Compute(direct);
                Assert.Equal(expected.Steps, group.Steps);
                Assert.Equal(expected.Mean, group.Mean);
                Assert.Equal(expected.Sem, group.Sem);
            }
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task RunSharedByTwoSweepsIsComputedOnceAndAFinishedSweepResubmittedRecomputesNothing()
    {
        TestCluster cluster = await ClusterFactory.StartAsync(silos: 2);
        try
        {
            SweepSpec first = Specs.Small("first", seeds: [0, 1]);
            SweepSpec second = Specs.Small("second", seeds: [1, 2]); // seed 1 is shared: 4 runs in common
            await Task.WhenAll(RunToEnd(cluster, first), RunToEnd(cluster, second));
            Assert.Equal(12, Completed(cluster)); // 8 + 8 - 4 shared

            SweepStatus again = await cluster.Client.GetGrain<ISweepGrain>(first.Id()).Submit(first);
            Assert.Equal(SweepState.Completed, again.State);
            await Task.Delay(500);
            Assert.Equal(12, Completed(cluster));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    internal static long Completed(TestCluster cluster) =>
        cluster.Silos.OfType<InProcessSiloHandle>().Sum(s => s.SiloHost.Services.GetRequiredService<WorkerPool>().Completed<RunJob>());

    internal static async Task<SweepStatus> RunToEnd(TestCluster cluster, SweepSpec spec)
    {
        ISweepGrain sweep = cluster.Client.GetGrain<ISweepGrain>(spec.Id());
        SweepStatus status = await sweep.Submit(spec);
        var deadline = DateTime.UtcNow + Timeout;
        while (status.State == SweepState.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            status = await sweep.GetStatus();
        }

        return status;
    }
}

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
    [Fact]
    public async Task SweepCompletesAndEveryCurveEqualsTheNumericsLibraryBitForBit()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2);
        SweepSpec spec = Specs.Small(checkpointSeconds: 0.05);
        SweepStatus status = await cluster.RunToEndAsync(spec);

        Assert.Equal(SweepState.Completed, status.State);
        Assert.Equal(8, status.Runs.Completed);
        foreach (SimulationConfig config in spec.Grid().Runs)
        {
            RunResult? result = await cluster.Run(config).GetResult(config);
            Assert.NotNull(result);
            ISimulation direct = ClusterSweeps.DirectRun(config);
            Assert.Equal(direct.Curve.Steps, result.Curve!.Steps);
            Assert.Equal(direct.Curve.Loss, result.Curve.Loss); // exact: Assert.Equal on double[] compares bits of finite values
        }

        // Every group's seed mean and SEM equal the numerics library's aggregate of direct runs, bit for bit.
        SweepReport report = (await cluster.Sweep(spec).GetReport())!;
        Assert.Equal(4, report.Groups.Length);
        foreach (GroupReport group in report.Groups)
        {
            SeedCurve[] direct = spec.Grid().Runs
                .Where(c => c.Gamma == group.Config.Gamma && c.N == group.Config.N)
                .Select(ClusterSweeps.DirectRun)
                .Select(s => new SeedCurve(s.Curve.Steps, s.Curve.Loss, s.Status == SimulationStatus.Diverged))
                .ToArray();
            Assert.Equal(2, direct.Length);
            SeedAggregateResult expected = SeedAggregate.Compute(direct);
            Assert.Equal(expected.Steps, group.Steps);
            Assert.Equal(expected.Mean, group.Mean);
            Assert.Equal(expected.Sem, group.Sem);
        }
    }

    [Fact]
    public async Task RunSharedByTwoSweepsIsComputedOnceAndAFinishedSweepResubmittedRecomputesNothing()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2);
        SweepSpec first = Specs.Small("first", seeds: [0, 1]);
        SweepSpec second = Specs.Small("second", seeds: [1, 2]); // seed 1 is shared: 4 runs in common
        await Task.WhenAll(cluster.RunToEndAsync(first), cluster.RunToEndAsync(second));
        Assert.Equal(12, Completed(cluster)); // 8 + 8 - 4 shared

        SweepStatus again = await cluster.Sweep(first).Submit(first);
        Assert.Equal(SweepState.Completed, again.State);
        await Task.Delay(500);
        Assert.Equal(12, Completed(cluster));
    }

    private static long Completed(TestClusterHandle cluster) => cluster.SiloServices<WorkerPool>().Sum(p => p.Completed<RunJob>());
}

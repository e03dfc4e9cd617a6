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

    /// <summary>
    /// The race behind a run computed twice: one sweep's group reads its partition (no row), the other sweep
    /// computes and stores a shared run and its grain deactivates, then the first asks for that run saying its
    /// row is absent. Each round has two sweeps of 300-step runs started together on two silos; on the code
    /// before <see cref="IPartitionGrain"/>, 6 rounds recomputed a shared run in 2 attempts of 2.
    /// </summary>
    [Fact]
    public async Task RunsSharedByTwoConcurrentSweepsAreComputedOnceRoundAfterRound()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2, workers: 2);
        const int Rounds = 6;
        for (int round = 0; round < Rounds; round++)
        {
            ulong seed = 10 * (ulong)round;
            SweepSpec first = Specs.Small($"first-{round}", steps: 300, seeds: [seed, seed + 1, seed + 2]);
            SweepSpec second = Specs.Small($"second-{round}", steps: 300, seeds: [seed + 1, seed + 2, seed + 3]);
            await Task.WhenAll(cluster.RunToEndAsync(first), cluster.RunToEndAsync(second));
            Assert.Equal(16L * (round + 1), Completed(cluster)); // 12 + 12 - 8 shared per round
        }
    }

    private static long Completed(TestClusterHandle cluster) => cluster.SiloServices<WorkerPool>().Sum(p => p.Completed<RunJob>());
}

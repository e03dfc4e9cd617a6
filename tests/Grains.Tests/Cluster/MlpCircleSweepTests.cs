using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Tests.Cluster;

/// <summary>
/// A sweep of the MLP on the circle on the cluster: its runs cross the wire with their q, q_phi, depth and K, the run
/// grains build the MLP through the factory on the worker pool, and a sweep stopped mid-run and resumed from its
/// checkpoints (the trained weights; the initial network drawn again from the seed) stores every curve bit for bit as
/// the uninterrupted direct run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MlpCircleSweepTests
{
    /// <summary>Two tiny networks (N = 8, B = 4, K = 64): about 400,000 steps a second each on one core.</summary>
    private static SweepSpec Tiny(long steps) => new(
        Name: "mlp-interrupt",
        Model: ModelKind.MlpCircle,
        Alpha: [],
        Beta: [],
        Gamma: [0.5],
        N: [8],
        B: [4],
        Eta: [0.1],
        M: 0,
        Steps: steps,
        Seeds: [0, 1],
        PointsPerDecade: 10,
        FitWindow: null,
        CheckpointSeconds: 0.1,
        Mlp: new MlpCircleAxes(Q: [1.0], QPhi: [1.0], Depth: 2, Harmonics: 64));

    [Fact]
    public async Task AnMlpSweepResumedAfterAShutdownIsBitIdenticalToDirectRuns()
    {
        SweepSpec spec = Tiny(steps: 2_000_000);
        SweepSpecValidator.Validate(spec, new SweepLimits());

        await using TestClusterHandle resumed = await ClusterSweeps.InterruptAndResumeAsync(spec, stepsBeforeStop: 300_000);
        await resumed.AssertBitIdenticalToDirectRunsAsync(spec);
        Assert.All(spec.Grid().Runs, r => Assert.Equal(2, r.Mlp!.Depth));
    }
}

using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>
/// A run of the MLP is a function of its configuration: chunks, snapshots and restores change no bit of its
/// curve, its weights or its snapshot (beside the shared chunking and snapshot tests in <see cref="DeterminismTests"/>).
/// </summary>
public sealed class MlpCircleDeterminismTests
{
    private static readonly SimulationConfig Config =
        SimulationConfig.ForMlpCircle(new MlpCircleSettings(1.0, 1.5, 2, 24), 0.5, 16, 8, 0.25, 100, 3);

    [Fact]
    public void AdvancingOneSevenAndNinetyTwoStepsEqualsAdvancingOneHundred()
    {
        var whole = SimulationFactory.Create(Config);
        Assert.Equal(100, whole.Advance(100));

        var chunked = SimulationFactory.Create(Config);
        Assert.Equal(1, chunked.Advance(1));
        Assert.Equal(7, chunked.Advance(7));
        Assert.Equal(92, chunked.Advance(92));

        Assert.Equal(SimulationStatus.Completed, whole.Status);
        Assert.Equal(SimulationStatus.Completed, chunked.Status);
        DeterminismTests.AssertBitIdentical(whole.Curve, chunked.Curve);
        Assert.Equal(whole.Snapshot(), chunked.Snapshot());
    }

    [Fact]
    public void SnapshotRestoreAtStepEightGivesTheSameBitsAsARunWithoutInterruption()
    {
        var whole = SimulationFactory.Create(Config);
        whole.Advance(100);

        var first = SimulationFactory.Create(Config);
        first.Advance(1);
        first.Advance(7);
        var restored = (MlpCircleSimulation)SimulationFactory.Restore(Config, first.Snapshot());
        Assert.Equal(8, restored.Step);
        Assert.Equal(first.Loss, restored.Loss);
        restored.Advance(92);

        DeterminismTests.AssertBitIdentical(whole.Curve, restored.Curve);
        Assert.Equal(whole.Snapshot(), restored.Snapshot());
        var wholeNetwork = ((MlpCircleSimulation)whole).Network;
        for (int l = 0; l < wholeNetwork.LayerCount; l++)
        {
            Assert.True(wholeNetwork.Weights(l).SequenceEqual(restored.Network.Weights(l)), $"layer {l} differs");
        }
    }

    [Fact]
    public void ASnapshotOfAnotherDepthOrTargetIsRefused()
    {
        var simulation = SimulationFactory.Create(Config);
        simulation.Advance(3);
        byte[] payload = simulation.Snapshot();
        var deeper = Config with { Mlp = Config.Mlp! with { Depth = 3 } };
        var otherTarget = SimulationConfig.ForMlpCircle(Config.Mlp! with { Q = 1.25 }, 0.5, 16, 8, 0.25, 100, 3);
        Assert.Contains("different configuration", Assert.Throws<SnapshotException>(() => SimulationFactory.Restore(deeper, payload)).Message);
        Assert.Contains("different configuration", Assert.Throws<SnapshotException>(() => SimulationFactory.Restore(otherTarget, payload)).Message);
    }

    /// <summary>
    /// Between recorded steps the loss is the last batch's, and it stops a run that blows up there: the run ends
    /// Diverged at that step, every recorded loss finite, and it restores as diverged.
    /// </summary>
    [Fact]
    public void ABatchLossThatBlowsUpStopsTheRunAsDiverged()
    {
        var config = SimulationConfig.ForMlpCircle(new MlpCircleSettings(1.0, 1.0, 2, 16), 1.0, 32, 8, 50.0, 1000, 1);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(long.MaxValue);
        Assert.Equal(SimulationStatus.Diverged, simulation.Status);
        Assert.Equal(simulation.DivergedAtStep, simulation.Step);
        Assert.True(simulation.Step < 1000);
        Assert.All(simulation.Curve.Loss, l => Assert.True(double.IsFinite(l) && l <= SimulationConfig.DivergenceThreshold));
        Assert.Equal(SimulationStatus.Diverged, SimulationFactory.Restore(config, simulation.Snapshot()).Status);
    }

    /// <summary>The loss between recorded steps is the batch's (for divergence); at recorded steps it is the grid's.</summary>
    [Fact]
    public void RecordedLossesAreTheExactQuadratureLoss()
    {
        var simulation = (MlpCircleSimulation)SimulationFactory.Create(Config);
        Assert.Equal(simulation.Target.Power(), simulation.Curve.Loss[0], 1e-14);
        simulation.Advance(100);
        var curve = simulation.Curve;
        Assert.Equal(100, curve.Steps[^1]);
        Assert.Equal(simulation.Loss, curve.Loss[^1]);

        double[] f = new double[simulation.Grid.Points];
        simulation.OutputOnGrid(f);
        double sum = 0;
        for (int j = 0; j < f.Length; j++)
        {
            double e = f[j] - simulation.Grid.Target[j];
            sum += e * e;
        }

        Assert.Equal(sum / f.Length, curve.Loss[^1]);
    }
}

using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Tests.Models;

/// <summary>A run's result is a function of its configuration alone, bit for bit.</summary>
public class DeterminismTests
{
    public static TheoryData<SimulationConfig> Configs() => new()
    {
        new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 60, 1.0, 10, 4, 0.05, 700, 11),
        new SimulationConfig(ModelKind.Projected, 2.0, 1.2, 60, 0.0, 10, 1, 0.05, 700, 11),
        new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 60, 1.0, 10, 4, 0.05, 300, 11, Sampler: Sampler.Reference),
        new SimulationConfig(ModelKind.LinearNetwork, 2.0, 0.4, 60, 0.5, 10, 4, 0.05, 400, 11),

        // The MLP on the circle: ReLU at depth 2, and q_phi = 1.5 (square roots) at depth 3.
        SimulationConfig.ForMlpCircle(new(1.0, 1.0, 2, 32), 0.5, 16, 4, 0.25, 300, 11),
        SimulationConfig.ForMlpCircle(new(1.5, 1.5, 3, 20), 1.0, 12, 3, 0.25, 300, 11),

        // Finite data: multi-pass SGD (the snapshot at 137 falls mid-epoch), full batch, and the literal model.
        new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 60, 1.0, 10, 6, 0.1, 700, 11) { P = 40 },
        new SimulationConfig(ModelKind.Projected, 2.0, 1.2, 60, 0.5, 10, 40, 0.1, 700, 11) { P = 40 },
        new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 60, 1.0, 10, 6, 0.1, 300, 11, Sampler: Sampler.Reference) { P = 40 },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void ChunkingDoesNotChangeBits(SimulationConfig config)
    {
        var whole = SimulationFactory.Create(config);
        whole.Advance(long.MaxValue);
        var chunked = SimulationFactory.Create(config);
        long[] chunks = [1, 2, 7, 50, 3, 1000];
        int c = 0;
        while (chunked.Status == SimulationStatus.Running)
        {
            chunked.Advance(chunks[c++ % chunks.Length]);
        }

        AssertBitIdentical(whole.Curve, chunked.Curve);
    }

    /// <summary>Snapshot at an arbitrary step (here 137, between recorded points), restore, finish.</summary>
    [Theory]
    [MemberData(nameof(Configs))]
    public void SnapshotAndRestoreDoNotChangeBits(SimulationConfig config)
    {
        var whole = SimulationFactory.Create(config);
        whole.Advance(long.MaxValue);

        var first = SimulationFactory.Create(config);
        first.Advance(137);
        byte[] payload = first.Snapshot();
        var restored = SimulationFactory.Restore(config, payload);
        Assert.Equal(137, restored.Step);
        Assert.Equal(first.Loss, restored.Loss);
        restored.Advance(long.MaxValue);

        Assert.Equal(SimulationStatus.Completed, restored.Status);
        AssertBitIdentical(whole.Curve, restored.Curve);
    }

    [Fact]
    public void DifferentSeedsDiffer()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 60, 1.0, 10, 4, 0.05, 100, 1);
        var a = SimulationFactory.Create(config);
        var b = SimulationFactory.Create(config with { Seed = 2 });
        a.Advance(long.MaxValue);
        b.Advance(long.MaxValue);

        // Same task, so the same L(0); different A0 and batches afterwards.
        Assert.Equal(a.Curve.Loss[0], b.Curve.Loss[0]);
        Assert.NotEqual(a.Curve.Loss[^1], b.Curve.Loss[^1]);
    }

    [Fact]
    public void CorruptWrongVersionAndForeignSnapshotsAreRejected()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 60, 1.0, 10, 4, 0.05, 100, 1);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(10);
        byte[] payload = simulation.Snapshot();

        byte[] flipped = (byte[])payload.Clone();
        flipped[payload.Length / 2] ^= 0x10;
        Assert.Contains("checksum", Assert.Throws<SnapshotException>(() => SimulationFactory.Restore(config, flipped)).Message);

        Assert.Contains("checksum", Assert.Throws<SnapshotException>(() => SimulationFactory.Restore(config, payload[..^5])).Message);
        Assert.Throws<SnapshotException>(() => SimulationFactory.Restore(config, new byte[3]));

        var other = config with { Seed = 2 };
        Assert.Contains("different configuration", Assert.Throws<SnapshotException>(() => SimulationFactory.Restore(other, payload)).Message);

        // A payload whose version field says 2, re-sealed so the checksum is valid.
        byte[] body = payload[..^32];
        BitConverter.TryWriteBytes(body.AsSpan(4, 4), 2);
        byte[] resealed = [.. body, .. System.Security.Cryptography.SHA256.HashData(body)];
        Assert.Contains("version 2", Assert.Throws<SnapshotException>(() => SimulationFactory.Restore(config, resealed)).Message);
    }

    [Fact]
    public void DivergenceStopsTheRunWithItsStepAndNoNaN()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 200, 1.0, 32, 32, 20.0, 5000, 1);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(long.MaxValue);
        Assert.Equal(SimulationStatus.Diverged, simulation.Status);
        Assert.NotNull(simulation.DivergedAtStep);
        Assert.True(simulation.DivergedAtStep < 5000);
        Assert.Equal(simulation.DivergedAtStep, simulation.Step);
        Assert.All(simulation.Curve.Loss, l => Assert.True(double.IsFinite(l) && l <= SimulationConfig.DivergenceThreshold));
        Assert.Equal(0, simulation.Advance(10));

        // A diverged run restores as diverged.
        var restored = SimulationFactory.Restore(config, simulation.Snapshot());
        Assert.Equal(SimulationStatus.Diverged, restored.Status);
        Assert.Equal(simulation.DivergedAtStep, restored.DivergedAtStep);
    }

    [Fact]
    public void CancellationStopsBetweenSteps()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 60, 1.0, 10, 4, 0.05, 1000, 1);
        var simulation = SimulationFactory.Create(config);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Equal(0, simulation.Advance(100, cancelled.Token));
        Assert.Equal(SimulationStatus.Running, simulation.Status);
    }

    [Fact]
    public void LinearNetworkRecordsWeightNorm()
    {
        var config = new SimulationConfig(ModelKind.LinearNetwork, 2.0, 0.4, 60, 1.0, 16, 8, 0.05, 200, 1);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(long.MaxValue);
        var curve = simulation.Curve;
        Assert.Equal(curve.Count, curve.WeightNormPerWidth.Length);

        // w0 ~ N(0, I_16): |w0|^2 / 16 is chi-square(16)/16, within (0.2, 3) with overwhelming probability.
        Assert.InRange(curve.WeightNormPerWidth[0], 0.2, 3.0);
        Assert.True(curve.Loss[^1] < curve.Loss[0]);
    }

    internal static void AssertBitIdentical(LossCurve expected, LossCurve actual)
    {
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.Loss.Select(BitConverter.DoubleToInt64Bits), actual.Loss.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.WeightNormPerWidth.Select(BitConverter.DoubleToInt64Bits), actual.WeightNormPerWidth.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.TrainLoss.Select(BitConverter.DoubleToInt64Bits), actual.TrainLoss.Select(BitConverter.DoubleToInt64Bits));
    }
}

using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>Small sweeps that finish in about a second on two cores.</summary>
public static class Specs
{
    /// <summary>Hard task, lazy and rich, two widths, two seeds: 8 runs of 2000 steps.</summary>
    public static SweepSpec Small(string name = "small", long steps = 2000, ulong[]? seeds = null, int[]? widths = null, double? checkpointSeconds = null) => new(
        Name: name,
        Model: ModelKind.Projected,
        Alpha: [2.0],
        Beta: [0.4],
        Gamma: [0.0, 1.0],
        N: widths ?? [16, 32],
        B: [32],
        Eta: [0.05],
        M: 200,
        Steps: steps,
        Seeds: seeds ?? [0, 1],
        PointsPerDecade: 10,
        FitWindow: null,
        CheckpointSeconds: checkpointSeconds);
}

using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Warmup;

/// <summary>
/// The tiny sweep both parts of the warm-up run (<see cref="WarmupBatch"/>, <see cref="ClusterWarmup"/>): the
/// projected model online, lazy and rich, with a finite batch and the population gradient, the branches of
/// its fast path. M, N and the steps are small: which code runs does not depend on them.
/// </summary>
internal static class WarmupSpec
{
    /// <summary>The spec with <paramref name="seeds"/> seeds per group; 4 groups.</summary>
    public static SweepSpec WithSeeds(int seeds) => SweepSpecParser.Parse($$"""
        {"name": "warmup", "model": "projected", "alpha": [2], "beta": [0.4], "gamma": [0, 1], "N": [8],
         "B": [8, "inf"], "eta": 0.05, "M": 64, "steps": 100, "seeds": {{seeds}}}
        """, new SweepLimits());
}

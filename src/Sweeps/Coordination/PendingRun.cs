using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>A run the coordinator is to hand to its run grain.</summary>
/// <param name="Index">Its place in grid order (in <see cref="RunTable"/>).</param>
/// <param name="Key">Its run key.</param>
/// <param name="Config">What to simulate.</param>
public sealed record PendingRun(int Index, string Key, SimulationConfig Config);

using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Runs;

/// <summary>A finished run: its configuration, final status and recorded curve.</summary>
/// <param name="Config">The run's configuration.</param>
/// <param name="Progress">Its final status.</param>
/// <param name="Curve">The recorded curve; null for a failed or cancelled run.</param>
[GenerateSerializer, Immutable]
public sealed record RunResult(
    [property: Id(0)] SimulationConfig Config,
    [property: Id(1)] RunProgress Progress,
    [property: Id(2)] LossCurve? Curve);

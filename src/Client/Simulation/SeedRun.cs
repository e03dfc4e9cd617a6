using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Client.Simulation;

/// <summary>The outcome of one seed: its recorded curve (cut short if it diverged) and status.</summary>
internal sealed record SeedRun(ulong Seed, LossCurve Curve, SimulationStatus Status, long? DivergedAtStep)
{
    public bool Diverged => Status == SimulationStatus.Diverged;
}

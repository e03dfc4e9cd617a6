using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Workers;

/// <summary>The numerics library's <see cref="SimulationFactory"/>.</summary>
public sealed class NumericsSimulationFactory : ISimulationFactory
{
    public ISimulation Create(SimulationConfig config) => SimulationFactory.Create(config);

    public ISimulation Restore(SimulationConfig config, byte[] snapshot) => SimulationFactory.Restore(config, snapshot);
}

using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Workers;

/// <summary>Where the worker pool gets its simulations: the numerics library, or a test's faulty stand-in.</summary>
public interface ISimulationFactory
{
    /// <summary>A new simulation at step 0.</summary>
    ISimulation Create(SimulationConfig config);

    /// <summary>A simulation restored from a snapshot; throws <see cref="SnapshotException"/> for a bad one.</summary>
    ISimulation Restore(SimulationConfig config, byte[] snapshot);
}

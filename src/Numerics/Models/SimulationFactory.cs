using ScaleSweep.Numerics.Models.FiniteData;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Models;

/// <summary>Creates the simulation a configuration names, fresh or from a snapshot.</summary>
public static class SimulationFactory
{
    public static ISimulation Create(SimulationConfig config) => CreateBase(config);

    /// <summary>
    /// Restores a run from <see cref="ISimulation.Snapshot"/>. Throws <see cref="SnapshotException"/>
    /// for a corrupt payload, another format version or another configuration; nothing is restored then.
    /// </summary>
    public static ISimulation Restore(SimulationConfig config, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var reader = SnapshotFormat.Open(payload, config);
        var simulation = CreateBase(config);
        try
        {
            simulation.Load(reader);
        }
        catch (EndOfStreamException)
        {
            throw new SnapshotException("the body ends early.");
        }

        if (reader.BaseStream.Position != reader.BaseStream.Length)
        {
            throw new SnapshotException("the body has trailing bytes.");
        }

        return simulation;
    }

    private static SimulationBase CreateBase(SimulationConfig config)
    {
        config.Validate();
        return config.Model switch
        {
            ModelKind.Projected when config.IsFiniteData && config.Sampler == Sampler.Reference => new ProjectedFiniteDataReference(config),
            ModelKind.Projected when config.IsFiniteData => new ProjectedFiniteData(config),
            ModelKind.Projected when config.Sampler == Sampler.Reference => new ProjectedReference(config),
            ModelKind.Projected => new ProjectedFast(config),
            ModelKind.LinearNetwork => new LinearNetwork(config),
            ModelKind.MlpCircle => new MlpCircleSimulation(config),
            _ => throw new ArgumentException($"model = {config.Model} is not a model."),
        };
    }
}

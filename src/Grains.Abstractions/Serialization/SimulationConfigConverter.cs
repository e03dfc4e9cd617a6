using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>Converts <see cref="SimulationConfig"/> to and from its wire form.</summary>
[RegisterConverter]
public sealed class SimulationConfigConverter : IConverter<SimulationConfig, SimulationConfigSurrogate>
{
    public SimulationConfig ConvertFromSurrogate(in SimulationConfigSurrogate surrogate) => new(
        (ModelKind)surrogate.Model, surrogate.Alpha, surrogate.Beta, surrogate.M, surrogate.Gamma, surrogate.N,
        surrogate.Batch, surrogate.Eta, surrogate.Steps, surrogate.Seed, surrogate.PointsPerDecade,
        (Sampler)surrogate.Sampler)
    {
        P = surrogate.P,
    };

    public SimulationConfigSurrogate ConvertToSurrogate(in SimulationConfig value)
    {
        if (value.CustomSpectrum is not null)
        {
            throw new NotSupportedException("A run with a custom spectrum cannot be sent to the cluster.");
        }

        if (value.Model == ModelKind.MlpCircle || value.Mlp is not null)
        {
            // Its settings (q, qPhi, depth, K) have no wire form yet; sweeps refuse the model before it gets here.
            throw new NotSupportedException("A run of model 'mlp-circle' cannot be sent to the cluster yet: it is not yet supported in sweeps.");
        }

        return new SimulationConfigSurrogate
        {
            Model = (int)value.Model,
            Alpha = value.Alpha,
            Beta = value.Beta,
            M = value.M,
            Gamma = value.Gamma,
            N = value.N,
            Batch = value.Batch,
            Eta = value.Eta,
            Steps = value.Steps,
            Seed = value.Seed,
            PointsPerDecade = value.PointsPerDecade,
            Sampler = (int)value.Sampler,
            P = value.P,
        };
    }
}

using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

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
        CustomSpectrum = surrogate.Lambda is { } lambda
            ? SpectrumInterner.Intern(lambda, surrogate.WStar ?? [], surrogate.SpectrumDescription ?? "measured spectrum")
            : null,

        // Alpha, Beta and M arrive as sent (eq. 14's, computed once by the sender), so the fingerprint is the sender's.
        Mlp = surrogate.Q is { } q && surrogate.QPhi is { } qPhi && surrogate.Depth is { } depth
            ? new MlpCircleSettings(q, qPhi, depth, surrogate.M)
            : null,
    };

    public SimulationConfigSurrogate ConvertToSurrogate(in SimulationConfig value)
    {
        if (value.Mlp is { } mlp && mlp.Harmonics != value.M)
        {
            // K travels as M (ForMlpCircle sets M = K); a mismatch would come back as another run.
            throw new NotSupportedException($"A run of model 'mlp-circle' with M = {value.M} and K = {mlp.Harmonics} cannot be sent: M must be K.");
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
            Q = value.Mlp?.Q,
            QPhi = value.Mlp?.QPhi,
            Depth = value.Mlp?.Depth,
            Lambda = value.CustomSpectrum?.Lambda.ToArray(),
            WStar = value.CustomSpectrum?.WStar.ToArray(),
            SpectrumDescription = value.CustomSpectrum?.Description,
        };
    }
}

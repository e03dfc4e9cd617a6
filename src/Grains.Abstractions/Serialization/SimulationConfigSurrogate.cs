using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>
/// Wire form of <see cref="SimulationConfig"/>, which lives in the numerics library and knows nothing
/// of Orleans. Custom spectra are not part of sweeps and do not cross the wire. The MLP on the circle's
/// settings travel as q, q_phi and depth; its alpha, beta and M = K are in the shared fields.
/// </summary>
[GenerateSerializer]
public struct SimulationConfigSurrogate
{
    [Id(0)] public int Model;
    [Id(1)] public double Alpha;
    [Id(2)] public double Beta;
    [Id(3)] public int M;
    [Id(4)] public double Gamma;
    [Id(5)] public int N;
    [Id(6)] public long? Batch;
    [Id(7)] public double Eta;
    [Id(8)] public long Steps;
    [Id(9)] public ulong Seed;
    [Id(10)] public int PointsPerDecade;
    [Id(11)] public int Sampler;

    /// <summary>Training-set size; null (online) is also what a sender from before finite data reads as.</summary>
    [Id(12)] public long? P;

    /// <summary>
    /// The MLP on the circle's target decay q (eq. 13); null for the other models, which is what a sender from before the
    /// MLP reads as. With <see cref="QPhi"/> and <see cref="Depth"/>; its K is <see cref="M"/>.
    /// </summary>
    [Id(13)] public double? Q;

    /// <summary>The MLP's activation power q_phi, or null.</summary>
    [Id(14)] public double? QPhi;

    /// <summary>The MLP's hidden layers, or null.</summary>
    [Id(15)] public int? Depth;
}

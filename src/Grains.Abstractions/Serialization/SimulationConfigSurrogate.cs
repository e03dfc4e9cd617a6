using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>
/// Wire form of <see cref="SimulationConfig"/>, which lives in the numerics library and knows nothing
/// of Orleans. A measured task (a sweep's "spectrum") travels by value, 16 bytes a mode, capped by the sweep limits;
/// the MLP on the circle's settings travel as q, q_phi and depth; its alpha, beta and M = K are in the shared fields.
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

    /// <summary>The measured task's eigenvalues lambda_k; null for the power-law task (and from senders before measured tasks).</summary>
    [Id(16)] public double[]? Lambda;

    /// <summary>The measured task's target coefficients wStar_k, with <see cref="Lambda"/>.</summary>
    [Id(17)] public double[]? WStar;

    /// <summary>Where the measured task came from, for reports; not part of the run's fingerprint.</summary>
    [Id(18)] public string? SpectrumDescription;
}

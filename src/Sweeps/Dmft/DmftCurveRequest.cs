using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Sweeps.Dmft;

/// <summary>
/// One DMFT theory curve a sweep asks for: the model (<see cref="DmftSettings"/>) and the numerics that
/// change its bits (mode budget, recording grid). Its <see cref="Key"/> is the content address of the
/// theory grain that computes and stores it, so identical curves of different groups or sweeps are one.
/// </summary>
/// <param name="Alpha">Capacity exponent.</param>
/// <param name="Beta">Source exponent.</param>
/// <param name="M">Number of task modes.</param>
/// <param name="Gamma">Richness gamma.</param>
/// <param name="N">Width; null is N = infinity.</param>
/// <param name="B">Batch size; null is B = infinity.</param>
/// <param name="Eta">Learning rate.</param>
/// <param name="Steps">Last step T.</param>
/// <param name="PointsPerDecade">Recording density, as the sweep's runs record.</param>
/// <param name="Modes">Mode budget, already resolved (never the "default" null), so a default and the same number share a key.</param>
/// <param name="P">Training-set size of the data-reuse DMFT (eq. 41, full-batch gradient descent, B then null); null online. Appended (field 10).</param>
[GenerateSerializer, Immutable]
public sealed record DmftCurveRequest(
    [property: Id(0)] double Alpha,
    [property: Id(1)] double Beta,
    [property: Id(2)] int M,
    [property: Id(3)] double Gamma,
    [property: Id(4)] long? N,
    [property: Id(5)] long? B,
    [property: Id(6)] double Eta,
    [property: Id(7)] long Steps,
    [property: Id(8)] int PointsPerDecade,
    [property: Id(9)] int Modes,
    [property: Id(10)] long? P = null)
{
    /// <summary>
    /// The sweep's measured task (spec "spectrum"), whose modes the solver sums exactly or in bins; <see cref="Alpha"/> and
    /// <see cref="Beta"/> then only label it. Null for the power-law task. Appended (field 11).
    /// </summary>
    [Id(11)]
    public Specs.SpecSpectrum? Spectrum { get; init; }

    /// <summary>True when N and B are both infinite: the cheap equations 43-44 apply.</summary>
    public bool IsInfinite => N is null && B is null && P is null;

    /// <summary>
    /// Every field that changes the curve, in a fixed order and round-trip number format, with the solver's
    /// and the numerics' versions. The numerical choices <see cref="ToOptions"/> fixes (batch-noise form,
    /// Wishart self-term with its default nodes, time grid) are named too, so a later switch cannot collide
    /// with stored curves.
    /// </summary>
    public string CanonicalText() => string.Create(
        CultureInfo.InvariantCulture,
        $"dmft={DmftSolver.Version};v={SimulationConfig.NumericsVersion};task={Task()};"
        + $"gamma={Number(Gamma)};N={Size(N)};B={Size(B)};eta={Number(Eta)};T={Steps};ppd={PointsPerDecade};modes={Modes};noise=rank-one;"
        + $"self-term=default-nodes;grid=auto({GradientFlowDmft.DefaultUniformSteps},{GradientFlowDmft.DefaultGridPointsPerDecade})")
        + (P is { } p ? string.Create(CultureInfo.InvariantCulture, $";P={p};data-self-term") : string.Empty); // only when finite, so every online curve keeps its key

    private string Task() => Spectrum is { } measured
        ? $"spectrum:{measured.ToSpectrum().Fingerprint},alpha={Number(Alpha)},beta={Number(Beta)},M={M}"
        : $"power-law({Number(Alpha)},{Number(Beta)},{M})";

    /// <summary>SHA-256 of <see cref="CanonicalText"/>, 64 hex digits: the theory grain's key.</summary>
    public string Key() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText())));

    /// <summary>The solver's model settings.</summary>
    public DmftSettings ToSettings() => new(
        Alpha, Beta, M, Gamma, N ?? double.PositiveInfinity, B ?? double.PositiveInfinity, Eta, Steps, P ?? double.PositiveInfinity)
    {
        Spectrum = Spectrum?.ToSpectrum(),
    };

    /// <summary>The solver's numerics; <paramref name="threads"/> does not change the bits (the solvers are deterministic in it).</summary>
    public DmftOptions ToOptions(int threads) => new()
    {
        Modes = Modes,
        PointsPerDecade = PointsPerDecade,
        MaxDegreeOfParallelism = threads,
        RankOneBatchNoise = true,
        SelfTerm = true,
        TimeGrid = DmftTimeGrid.Auto,
        UniformSteps = GradientFlowDmft.DefaultUniformSteps,
        GridPointsPerDecade = GradientFlowDmft.DefaultGridPointsPerDecade,
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Size(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "inf";
}

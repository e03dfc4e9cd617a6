using ScaleSweep.Client.Options;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Client.Commands;

/// <summary>Everything the simulate command was asked for, as parsed from the command line.</summary>
internal sealed record SimulateRequest(
    ModelKind Model,
    double Alpha,
    double Beta,
    double Gamma,
    int N,
    long? Batch,
    double Eta,
    int? M,
    long Steps,
    int Seeds,
    ulong Seed0,
    Sampler Sampler,
    int PointsPerDecade,
    (long T0, long T1)? FitWindow,
    string? SpectrumPath,
    int Threads,
    bool Json,
    bool PerSeed,
    long? P = null)
{
    /// <summary>Number of modes when neither --M nor --spectrum says otherwise.</summary>
    public const int DefaultM = 1000;

    /// <summary>
    /// The configuration of seed <see cref="Seed0"/>, loaded (spectrum file) and validated. Throws
    /// <see cref="UsageException"/> with the library's message, prefixed by the option it is about.
    /// </summary>
    public SimulationConfig ToConfig()
    {
        if (Model == ModelKind.MlpCircle)
        {
            // The numerics exist (docs/mlp-circle.md); its options (q, qPhi, depth, K) are issue 14's second part.
            throw new UsageException("--model: 'mlp-circle' is not yet supported by simulate: its options (q, qPhi, depth, K) are not wired yet.");
        }

        Spectrum? spectrum = null;
        if (SpectrumPath is not null)
        {
            try
            {
                spectrum = SpectrumCsv.Load(SpectrumPath);
            }
            catch (SpectrumException e)
            {
                throw new UsageException($"--spectrum: {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--spectrum: cannot read '{SpectrumPath}': {e.Message}");
            }
        }

        // On a finite training set "inf" is the full batch, as in a sweep spec.
        var config = new SimulationConfig(
            Model, Alpha, Beta, M ?? spectrum?.M ?? DefaultM, Gamma, N, Batch ?? P, Eta, Steps, Seed0, PointsPerDecade, Sampler)
        {
            CustomSpectrum = spectrum,
            P = P,
        };

        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(LibraryRanges.WithOption(e.Message));
        }

        if (Seed0 > ulong.MaxValue - (ulong)(Seeds - 1))
        {
            throw new UsageException(
                $"--seed0: {Seed0} is out of range: with --seeds {Seeds}, seed0 must be at most {ulong.MaxValue - (ulong)(Seeds - 1)} so seeds seed0..seed0+{Seeds - 1} exist.");
        }

        if (FitWindow is { } window)
        {
            FitWindowOption.RequireFittable("--fit-window", window, Steps, PointsPerDecade);
        }

        return config;
    }

    /// <summary>One configuration per seed: seeds Seed0 .. Seed0 + Seeds - 1.</summary>
    public IReadOnlyList<SimulationConfig> SeedConfigs(SimulationConfig first) =>
        Enumerable.Range(0, Seeds).Select(i => first with { Seed = first.Seed + (ulong)i }).ToArray();
}

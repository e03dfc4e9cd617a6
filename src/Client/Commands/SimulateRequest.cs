using ScaleSweep.Client.Options;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
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
    long? P = null,
    SimulateRequest.MlpOptions? Mlp = null)
{
    /// <summary>The MLP on the circle's options (eq. 13-14): q, q_phi, depth and K (null: the default for the steps).</summary>
    internal sealed record MlpOptions(double Q, double QPhi, int Depth, int? Harmonics);

    /// <summary>Number of modes when neither --M nor --spectrum says otherwise.</summary>
    public const int DefaultM = 1000;

    /// <summary>The MLP's target decay q when --q is not given: beta = 1/2 with ReLU, a hard task (Fig. 5a).</summary>
    public const double DefaultQ = 1.0;

    /// <summary>The MLP's activation power when --q-phi is not given: ReLU.</summary>
    public const double DefaultQPhi = 1.0;

    /// <summary>
    /// The configuration of seed <see cref="Seed0"/>, loaded (spectrum file) and validated. Throws
    /// <see cref="UsageException"/> with the library's message, prefixed by the option it is about.
    /// </summary>
    public SimulationConfig ToConfig()
    {
        if (Model == ModelKind.MlpCircle)
        {
            return Checked(MlpConfig());
        }

        Spectrum? spectrum = SpectrumPath is null ? null : SpectrumFile.Load(SpectrumPath);

        // On a finite training set "inf" is the full batch, as in a sweep spec.
        var config = new SimulationConfig(
            Model, Alpha, Beta, M ?? spectrum?.M ?? DefaultM, Gamma, N, Batch ?? P, Eta, Steps, Seed0, PointsPerDecade, Sampler)
        {
            CustomSpectrum = spectrum,
            P = P,
        };

        return Checked(config);
    }

    /// <summary>
    /// The MLP's run: alpha, beta and M come from q, q_phi and K (eq. 14), so --alpha, --beta and --M are refused
    /// before this (<see cref="SimulateCommand"/>). An infinite --B and a finite --P stay in the configuration, so
    /// the library's own message refuses them, naming the option.
    /// </summary>
    private SimulationConfig MlpConfig()
    {
        MlpOptions mlp = Mlp ?? new MlpOptions(DefaultQ, DefaultQPhi, MlpCircleSettings.DefaultDepth, null);
        // The default K is a formula in q and q_phi: out of their range it is a placeholder the validation then refuses by q or qPhi.
        bool powersInRange = double.IsFinite(mlp.Q) && mlp.Q > 0.5 && double.IsFinite(mlp.QPhi) && mlp.QPhi > 0.5;
        int harmonics = mlp.Harmonics
            ?? (powersInRange ? MlpCircleSettings.DefaultHarmonics(mlp.Q, mlp.QPhi, Steps) : MlpCircleSettings.MinDefaultHarmonics);
        var settings = new MlpCircleSettings(mlp.Q, mlp.QPhi, mlp.Depth, harmonics);
        return SimulationConfig.ForMlpCircle(settings, Gamma, N, 1, Eta, Steps, Seed0, PointsPerDecade) with
        {
            Batch = Batch ?? P,
            P = P,
            Sampler = Sampler,
        };
    }

    /// <summary>The configuration validated, with the option a bad value came from; the seeds and the fit window checked.</summary>
    private SimulationConfig Checked(SimulationConfig config)
    {
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

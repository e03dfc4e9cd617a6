using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Models;

/// <summary>The allowed range of every field of a <see cref="SimulationConfig"/>.</summary>
public static class SimulationConfigValidation
{
    public const int MaxWidth = 65_536;
    public const long MaxSteps = 1_000_000_000_000;
    public const int MaxPointsPerDecade = 1000;

    /// <summary>Largest training set P (its visiting order is an int array of P entries).</summary>
    public const long MaxSamples = 100_000_000;

    public static void Validate(SimulationConfig config)
    {
        // The MLP's own fields first: its alpha, beta and M derive from them, so their messages say more.
        if (config.Model == ModelKind.MlpCircle)
        {
            MlpCircleValidation.Validate(config);
        }
        else if (config.Mlp is not null)
        {
            Fail($"the mlp-circle settings (q, qPhi, depth, K) are for model 'mlp-circle', not '{ModelKindNames.Name(config.Model)}'.");
        }

        if (config.CustomSpectrum is null)
        {
            SpectrumValidation.CheckAlpha(config.Alpha);
            SpectrumValidation.CheckBeta(config.Beta);
            SpectrumValidation.CheckModeCount(config.M);
        }
        else if (config.CustomSpectrum.M != config.M)
        {
            Fail($"M = {config.M} does not match the custom spectrum's {config.CustomSpectrum.M} modes.");
        }

        if (!Enum.IsDefined(config.Model))
        {
            Fail($"model = {config.Model} is not a model: model must be 'projected', 'linear-network' or 'mlp-circle'.");
        }

        if (!Enum.IsDefined(config.Sampler))
        {
            Fail($"sampler = {config.Sampler} is not a sampler: sampler must be 'fast' or 'reference'.");
        }

        if (!double.IsFinite(config.Gamma) || config.Gamma < 0)
        {
            Fail($"gamma = {Format(config.Gamma)} is out of range: gamma must be a finite number >= 0.");
        }

        if (config.Model == ModelKind.LinearNetwork && config.Gamma <= 0)
        {
            Fail($"gamma = {Format(config.Gamma)} is out of range for the linear network: gamma (gamma_0) must be a finite number > 0, since f = (1/gamma_0)(...).");
        }

        if (config.N < 1 || config.N > MaxWidth)
        {
            Fail($"N = {config.N} is out of range: N must be an integer from 1 to {MaxWidth}.");
        }

        if (config.Batch is { } b && b < 1)
        {
            Fail($"B = {b} is out of range: B must be an integer >= 1 or 'inf'.");
        }

        if (config.P is { } p)
        {
            ValidateFiniteData(config, p);
        }

        if (!double.IsFinite(config.Eta) || config.Eta <= 0)
        {
            Fail($"eta = {Format(config.Eta)} is out of range: eta must be a finite number > 0 (default {SimulationConfig.DefaultEta}).");
        }

        if (config.Steps < 1 || config.Steps > MaxSteps)
        {
            Fail($"steps = {config.Steps} is out of range: steps must be an integer from 1 to {MaxSteps}.");
        }

        if (config.PointsPerDecade < 1 || config.PointsPerDecade > MaxPointsPerDecade)
        {
            Fail($"pointsPerDecade = {config.PointsPerDecade} is out of range: pointsPerDecade must be an integer from 1 to {MaxPointsPerDecade}.");
        }
    }

    private static void ValidateFiniteData(SimulationConfig config, long p)
    {
        if (p < 1 || p > MaxSamples)
        {
            Fail($"P = {p} is out of range: P must be an integer from 1 to {MaxSamples} or 'inf' (online training).");
        }

        if (config.Model != ModelKind.Projected)
        {
            Fail($"P = {p} is out of range for model '{ModelKindNames.Name(config.Model)}': a finite training set is for the projected model; P must be 'inf' here.");
        }

        if (config.Batch is not { } b || b > p)
        {
            string batch = config.Batch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "inf";
            Fail($"B = {batch} is out of range for P = {p}: on a finite training set B must be an integer from 1 to P (B = P is full-batch gradient descent, B < P multi-pass SGD).");
        }

        // Each model keeps its training set in one array: P x N features (fast) or P x M samples (literal).
        long width = config.Sampler == Sampler.Fast ? config.N : config.M;
        if (p * width > Array.MaxLength)
        {
            string what = config.Sampler == Sampler.Fast ? "N" : "M";
            Fail($"P = {p} is out of range with {what} = {width}: P x {what} must be at most {Array.MaxLength} (the training set is held in one array).");
        }
    }

    /// <summary>
    /// Peak bytes of one run: the fast projected sampler holds A0 (N x M) only while it builds its
    /// N x N precomputation; the reference keeps A and A0; the linear network keeps A, A0 and the
    /// literal batch when it uses the reference sampler; the MLP on the circle keeps two networks, a gradient,
    /// its pass buffers and the quadrature grid (no N x M matrix).
    /// </summary>
    public static long EstimatedPeakBytes(SimulationConfig config)
    {
        long n = config.N, m = config.M;
        long batchRow = config.Sampler == Sampler.Reference ? m : 0;
        long doubles = config.Model switch
        {
            ModelKind.Projected when config.P is { } p => FiniteDataDoubles(config.Sampler, n, m, p),
            ModelKind.Projected when config.Sampler == Sampler.Fast => n * m + 5 * (n + 1) * (n + 1) + 8 * n + 3 * m,
            ModelKind.Projected => 2 * n * m + 4 * m + 4 * n + batchRow,
            ModelKind.MlpCircle when config.Mlp is { } mlp => MlpCircleDoubles(mlp, n, config.Batch ?? 1),
            _ => 2 * n * m + 6 * m + 4 * n + batchRow,
        };
        return 8 * doubles;
    }

    /// <summary>
    /// The fast model keeps the P x N features of its training set, A0 Psi^T, and their targets (plus the online
    /// model's arrays and an N x N Gram matrix); the literal one keeps Psi itself, P x M, beside A and A0.
    /// The visiting order is P ints, half a double each.
    /// </summary>
    private static long FiniteDataDoubles(Sampler sampler, long n, long m, long p) => sampler == Sampler.Fast
        ? n * m + 6 * (n + 1) * (n + 1) + 8 * n + 3 * m + p * (n + 2) + p / 2
        : 2 * n * m + p * m + 5 * m + 4 * n + 2 * p + p / 2;

    /// <summary>
    /// The MLP keeps two networks (trained and initial, (L - 1) N^2 + 3N weights each) and one gradient, the
    /// forward and backward buffers of both networks (3L + 3 rows of N per input of a pass of max(B, 64) inputs),
    /// and the quadrature grid (cos, sin, y and two readouts per point).
    /// </summary>
    private static long MlpCircleDoubles(MlpCircleSettings mlp, long n, long batch)
    {
        long weights = (mlp.Depth - 1) * n * n + 3 * n;
        long pass = Math.Max(batch, 64);
        return 3 * weights + 2 * pass * n * (3L * mlp.Depth + 2) + 5L * mlp.QuadraturePoints + 6 * batch + mlp.Harmonics;
    }

    private static void Fail(string message) => throw new ArgumentException(message);

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace ScaleSweep.Numerics.Models.MlpCircle;

/// <summary>
/// The allowed range of every field of an MLP-on-the-circle configuration, each message naming the field, the
/// value given and the range, in the style of <see cref="SimulationConfigValidation"/>.
/// </summary>
public static class MlpCircleValidation
{
    /// <summary>Largest q_phi: ReLU(h)^q_phi with h ~ N(0, 1) overflows nothing below it, and the paper's range is 0.75..1.75.</summary>
    public const double MaxQPhi = 16;

    public const int MaxDepth = 16;

    /// <summary>Most target harmonics: the quadrature grid then has 4K points, and building y on it costs 4K^2.</summary>
    public const int MaxHarmonics = MlpCircleSettings.MaxDefaultHarmonics;

    /// <summary>Largest batch: the batch buffers are B x N doubles per layer.</summary>
    public const long MaxBatch = 1 << 16;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field of an mlp-circle configuration out of range.</summary>
    public static void Validate(SimulationConfig config)
    {
        if (config.Mlp is not { } settings)
        {
            Fail("model 'mlp-circle' needs its settings (q, qPhi, depth, K): build the configuration with SimulationConfig.ForMlpCircle.");
            return;
        }

        if (!double.IsFinite(settings.Q) || settings.Q <= 0.5)
        {
            Fail($"q = {Format(settings.Q)} is out of range: q must be a finite number > 1/2, so that the target sum_k k^-q cos(k theta) of eq. 13 has finite power (beta = (2q - 1)/(2 qPhi) > 0).");
        }

        if (!double.IsFinite(settings.QPhi) || settings.QPhi <= 0.5 || settings.QPhi > MaxQPhi)
        {
            Fail($"qPhi = {Format(settings.QPhi)} is out of range: qPhi must be a number > 1/2 and <= {Format(MaxQPhi)}; at qPhi <= 1/2 E[phi'(h)^2] diverges, so the initial kernel is infinite (alpha = 2 qPhi <= 1).");
        }

        if (settings.Depth < 1 || settings.Depth > MaxDepth)
        {
            Fail($"depth = {settings.Depth} is out of range: depth (hidden layers) must be an integer from 1 to {MaxDepth}.");
        }

        if (settings.Harmonics < 1 || settings.Harmonics > MaxHarmonics)
        {
            Fail($"K = {settings.Harmonics} is out of range: K (target harmonics) must be an integer from 1 to {MaxHarmonics}.");
        }

        if (!double.IsFinite(config.Gamma) || config.Gamma <= 0)
        {
            Fail($"gamma = {Format(config.Gamma)} is out of range for model 'mlp-circle': gamma (gamma_0) must be a finite number > 0, since f = (r - r_0)/(gamma_0 N); small gamma_0 approaches the lazy limit.");
        }

        if (config.Batch is not { } batch || batch < 1 || batch > MaxBatch)
        {
            string b = config.Batch?.ToString(CultureInfo.InvariantCulture) ?? "inf";
            Fail($"B = {b} is out of range for model 'mlp-circle': B must be an integer from 1 to {MaxBatch} (online SGD on fresh theta; there is no population gradient).");
        }

        if (config.CustomSpectrum is not null)
        {
            Fail("a custom spectrum is out of range for model 'mlp-circle': its task is the target of eq. 13, set by q and K.");
        }

        if (config.Sampler != Sampler.Fast)
        {
            Fail($"sampler = {config.Sampler} is out of range for model 'mlp-circle': it has one sampler, 'fast'.");
        }

        // Alpha, Beta and M label the run for theory and reports; they must be eq. 14's, computed the one way.
        if (config.Alpha != settings.Alpha || config.Beta != settings.Beta || config.M != settings.Harmonics)
        {
            Fail($"alpha = {Format(config.Alpha)}, beta = {Format(config.Beta)}, M = {config.M} do not match model 'mlp-circle': "
                + $"they must be eq. 14's alpha = 2 qPhi = {Format(settings.Alpha)}, beta = (2q - 1)/(2 qPhi) = {Format(settings.Beta)} and M = K = {settings.Harmonics}; "
                + "build the configuration with SimulationConfig.ForMlpCircle.");
        }
    }

    private static void Fail(string message) => throw new ArgumentException(message);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

using System.Globalization;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// The allowed range of every field, as the one line a message ends with. The bounds come from the
/// numerics' constants, so a spec and <see cref="SimulationConfig.Validate"/> cannot disagree about a
/// cap; the parser and the validator both take their wording from here.
/// </summary>
internal static class SweepSpecRanges
{
    public static readonly string Name =
        $"name must be 1 to {SweepSpecValidator.MaxNameLength} characters from A-Z a-z 0-9 . _ -, starting with a letter or digit (it names the results folder).";

    public const string Model = "model must be \"projected\", \"linear-network\" or \"mlp-circle\".";

    public const string Q = "q must be a finite number > 1/2 (the target sum_k k^-q cos(k theta) of eq. 13 has finite power; beta = (2q - 1)/(2 qPhi)).";

    public static readonly string QPhi = string.Create(
        CultureInfo.InvariantCulture,
        $"qPhi must be a number > 1/2 and <= {Numerics.Models.MlpCircle.MlpCircleValidation.MaxQPhi} (phi = ReLU^qPhi; alpha = 2 qPhi > 1).");

    public const string Gamma0 = "gamma0 must be a finite number > 0 (the MLP's richness gamma_0; small gamma_0 approaches the lazy limit).";

    public static readonly string Depth = $"depth (hidden layers) must be an integer from 1 to {Numerics.Models.MlpCircle.MlpCircleValidation.MaxDepth} (default {Numerics.Models.MlpCircle.MlpCircleSettings.DefaultDepth}).";

    public static readonly string K =
        $"K (target harmonics) must be an integer from 1 to {Numerics.Models.MlpCircle.MlpCircleValidation.MaxHarmonics}, or null for the default that keeps the truncation error 10 times below the loss reachable in steps.";

    public static readonly string BMlp =
        $"B must be an integer from 1 to {Numerics.Models.MlpCircle.MlpCircleValidation.MaxBatch} for model \"mlp-circle\" (online SGD on fresh angles; there is no population gradient, so no \"inf\").";
    public const string Alpha = "alpha must be a finite number > 1 (a trace-class kernel).";
    public const string Beta = "beta must be a finite number > 0.";
    public const string Gamma = "gamma must be a finite number >= 0 (0 is the lazy model).";
    public const string GammaLinearNetwork = "gamma (gamma_0) must be a finite number > 0 for the linear network, since f = (1/gamma_0)(...).";
    public const string B = "B must be an integer >= 1 or \"inf\" (the population gradient; with a finite P, the full batch B = P).";

    public static readonly string P =
        $"P must be an integer from 1 to {SimulationConfigValidation.MaxSamples} (a training set of P samples, projected model only) or \"inf\" (online training, the default).";

    public const string BForP =
        "on a finite training set B must be an integer from 1 to P (B = P is full-batch gradient descent, B < P multi-pass SGD) or \"inf\" for the full batch B = P.";
    public const string Seed = "a seed must be an integer from 0 to 18446744073709551615.";

    public static readonly string N = $"N must be an integer from 1 to {SimulationConfigValidation.MaxWidth}.";

    public static readonly string Eta = string.Create(
        CultureInfo.InvariantCulture, $"eta must be a finite number > 0 (default {SimulationConfig.DefaultEta}).");

    public static readonly string M = $"M must be an integer from 1 to {SpectrumValidation.MaxModes}.";

    public static string Spectrum(SweepLimits limits) =>
        $"spectrum must be the path (relative to the spec file) of a CSV file with rows 'k,lambda,wstar' for k = 1..M, M at most {limits.MaxSpectrumModes} "
        + $"({SweepLimits.SectionName}:{nameof(SweepLimits.MaxSpectrumModes)}), for model \"projected\" or \"linear-network\".";

    public const string SpectrumLabels =
        "with a spectrum, alpha and beta only label the task for theory: give one number each (alpha > 1, beta > 0), or leave them out to take the spectrum's fit (scalesweep spectrum fit).";

    public static readonly string PointsPerDecade =
        $"pointsPerDecade must be an integer from 1 to {SimulationConfigValidation.MaxPointsPerDecade} (default {SimulationConfig.DefaultPointsPerDecade}).";

    public static readonly string CheckpointSeconds = string.Create(
        CultureInfo.InvariantCulture, $"checkpointSeconds must be a finite number > 0 and at most {SweepSpecValidator.MaxCheckpointSeconds} (one day).");

    public const string Theory =
        "theory must be \"matched\" (each group's own N and B), \"infinite\" (N, B -> infinity), or an object {\"width\": \"matched\" or \"infinite\", \"modes\": integer}.";

    public static string TheoryModes(SweepLimits limits) =>
        $"theory.modes must be an integer from {TheorySpec.MinModes} to {limits.MaxTheoryModes} ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxTheoryModes)}), or null for the solver's default (256 for N, B = inf, 48 otherwise).";

    public static string Steps(SweepLimits limits) =>
        $"steps must be an integer from 1 to {limits.StepsCap} ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxStepsPerRun)}).";

    public static string Seeds(SweepLimits limits) =>
        $"seeds must be a count from 1 to {limits.MaxRunsPerSweep} or a list of distinct integers from 0 to {ulong.MaxValue}.";

    public static string FitWindow(long steps) =>
        $"fitWindow must be [t0, t1], two integers with 1 <= t0 < t1 <= steps (= {steps}).";

    /// <summary>The range of a grid, by field name.</summary>
    public static string OfGrid(string field) => field switch
    {
        SweepSpecFields.Alpha => Alpha,
        SweepSpecFields.Beta => Beta,
        SweepSpecFields.Gamma => Gamma,
        SweepSpecFields.Q => Q,
        SweepSpecFields.QPhi => QPhi,
        SweepSpecFields.Gamma0 => Gamma0,
        SweepSpecFields.N => N,
        SweepSpecFields.P => P,
        SweepSpecFields.B => B,
        SweepSpecFields.Eta => Eta,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a grid"),
    };

    /// <summary>Round-trip text of a number, as the canonical text of a run writes it.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Batch(long? value) => value is { } b ? Number(b) : "\"inf\"";

    /// <summary>A string value quoted as JSON would, shortened so one bad value cannot flood a log line.</summary>
    public static string Quote(string value)
    {
        const int MaxShown = 40;
        string shown = value.Length <= MaxShown ? value : value[..MaxShown] + "...";
        var text = new System.Text.StringBuilder("\"");
        foreach (char c in shown)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>Bytes as "512 MiB" or "2 GiB" (one decimal when not whole); below 1 MiB as "1.5 KiB" or "300 bytes".</summary>
    public static string Bytes(long bytes)
    {
        const double KiB = 1 << 10, MiB = 1 << 20, GiB = 1 << 30;
        return bytes switch
        {
            >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / GiB:0.#} GiB"),
            >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB:0.#} MiB"),
            >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / KiB:0.#} KiB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        };
    }
}

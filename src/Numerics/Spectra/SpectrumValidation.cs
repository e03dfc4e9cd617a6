using System.Globalization;

namespace ScaleSweep.Numerics.Spectra;

/// <summary>The allowed ranges of a task's parameters, with the messages that name them.</summary>
public static class SpectrumValidation
{
    /// <summary>The largest number of modes accepted; beyond it one run's arrays alone exceed memory.</summary>
    public const int MaxModes = 50_000_000;

    public static void CheckAlpha(double alpha)
    {
        if (!double.IsFinite(alpha) || alpha <= 1.0)
        {
            throw new SpectrumException($"alpha = {Format(alpha)} is out of range: alpha must be a finite number > 1 (a trace-class kernel).");
        }
    }

    public static void CheckBeta(double beta)
    {
        if (!double.IsFinite(beta) || beta <= 0.0)
        {
            throw new SpectrumException($"beta = {Format(beta)} is out of range: beta must be a finite number > 0.");
        }
    }

    public static void CheckModeCount(long m)
    {
        if (m < 1 || m > MaxModes)
        {
            throw new SpectrumException($"M = {m} is out of range: M must be an integer from 1 to {MaxModes}.");
        }
    }

    /// <summary>One mode: lambda finite and >= 0, wstar finite.</summary>
    public static void CheckMode(long k, double lambda, double wStar, string? location)
    {
        string where = location is null ? $"mode k = {k}" : location;
        if (!double.IsFinite(lambda) || lambda < 0.0)
        {
            throw new SpectrumException($"{where}: lambda = {Format(lambda)} is out of range: lambda must be a finite number >= 0.");
        }

        if (!double.IsFinite(wStar))
        {
            throw new SpectrumException($"{where}: wstar = {Format(wStar)} is out of range: wstar must be a finite number.");
        }
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace ScaleSweep.Numerics.Theory;

/// <summary>
/// Argument checks shared by the theory functions, so that every message has the same shape:
/// "name = value is out of range: name must be ... (reason)".
/// </summary>
internal static class TheoryArguments
{
    /// <summary>alpha &gt; 1 makes sum_k lambda_k finite (trace-class kernel, footnote 4 of the paper).</summary>
    internal static void Alpha(double alpha) =>
        FiniteAbove(alpha, 1.0, nameof(alpha), "trace-class kernel");

    internal static void Beta(double beta) =>
        FiniteAbove(beta, 0.0, nameof(beta), "source exponent");

    internal static void Gamma(double gamma) =>
        FiniteAtLeast(gamma, 0.0, nameof(gamma), "0 is the lazy limit");

    /// <summary>The asymptotic power laws of eq. 8-9 diverge at t = 0, so time starts at one step.</summary>
    internal static void Time(double t, string name = "t") =>
        FiniteAtLeast(t, 1.0, name, "the asymptotic form is meaningless at t = 0");

    /// <summary>Model size N or batch size B: at least one, or +infinity for the N, B -> infinity limit.</summary>
    internal static void SizeOrInfinity(double value, string name)
    {
        if (!(value >= 1.0))
        {
            throw OutOfRange(value, name, "a number >= 1 or +infinity (infinity removes the term)");
        }
    }

    internal static void FiniteAbove(double value, double bound, string name, string? reason = null)
    {
        if (!double.IsFinite(value) || !(value > bound))
        {
            throw OutOfRange(value, name, $"a finite number > {Format(bound)}", reason);
        }
    }

    internal static void FiniteAtLeast(double value, double bound, string name, string? reason = null)
    {
        if (!double.IsFinite(value) || !(value >= bound))
        {
            throw OutOfRange(value, name, $"a finite number >= {Format(bound)}", reason);
        }
    }

    /// <summary>The DMFT solvers' shared arguments: modes, richness gamma, learning rate eta and last step T.</summary>
    internal static void DmftCommon(object modes, double gamma, double eta, long steps)
    {
        ArgumentNullException.ThrowIfNull(modes);
        Gamma(gamma);
        FiniteAbove(eta, 0.0, nameof(eta), "learning rate");
        if (steps < 0 || steps > Dmft.DmftSettings.MaxSteps)
        {
            throw OutOfRange(steps, nameof(steps), $"an integer in [0, {Dmft.DmftSettings.MaxSteps}]");
        }
    }

    internal static void IntegerInRange(int value, int min, int max, string name, string? reason = null)
    {
        if (value < min || value > max)
        {
            throw OutOfRange(value, name, $"an integer in [{min}, {max}]", reason);
        }
    }

    internal static ArgumentOutOfRangeException OutOfRange(
        double value, string name, string allowed, string? reason = null)
    {
        string why = reason is null ? string.Empty : $" ({reason})";
        return new ArgumentOutOfRangeException(
            name, $"{name} = {Format(value)} is out of range: {name} must be {allowed}{why}");
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

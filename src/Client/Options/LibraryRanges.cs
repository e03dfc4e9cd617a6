using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Client.Options;

/// <summary>
/// The allowed range of each simulation parameter, in the numerics library's own words: each text
/// is taken from the message <see cref="SimulationConfig.Validate"/> gives for a value out of range,
/// so the command line and the library never disagree about what is allowed.
/// </summary>
internal static class LibraryRanges
{
    private const string OutOfRange = "out of range: ";

    private static readonly SimulationConfig Valid = new(
        ModelKind.Projected, Alpha: 2.0, Beta: 0.4, M: 8, Gamma: 0.0, N: 1, Batch: null,
        Eta: SimulationConfig.DefaultEta, Steps: 1, Seed: 0);

    private static readonly MlpCircleSettings ValidMlp = new(Q: 1.0, QPhi: 1.0, Depth: 2, Harmonics: 64);

    /// <summary>Which option sets each field the library's messages name (the text before " = ").</summary>
    private static readonly Dictionary<string, string> OptionOfField = new(StringComparer.Ordinal)
    {
        ["model"] = "--model",
        ["alpha"] = "--alpha",
        ["beta"] = "--beta",
        ["M"] = "--M",
        ["gamma"] = "--gamma",
        ["N"] = "--N",
        ["B"] = "--B",
        ["P"] = "--P",
        ["eta"] = "--eta",
        ["steps"] = "--steps",
        ["pointsPerDecade"] = "--points-per-decade",
        ["sampler"] = "--sampler",
        ["q"] = "--q",
        ["qPhi"] = "--q-phi",
        ["depth"] = "--depth",
        ["K"] = "--K",
    };

    /// <summary>E.g. "alpha must be a finite number &gt; 1 (a trace-class kernel)." for "alpha".</summary>
    public static string For(string field)
    {
        SimulationConfig? broken = field switch
        {
            "alpha" => Valid with { Alpha = double.NaN },
            "beta" => Valid with { Beta = double.NaN },
            "M" => Valid with { M = 0 },
            "gamma" => Valid with { Gamma = double.NaN },
            "N" => Valid with { N = 0 },
            "B" => Valid with { Batch = 0 },
            "P" => Valid with { P = 0, Batch = 1 },
            "eta" => Valid with { Eta = double.NaN },
            "steps" => Valid with { Steps = 0 },
            "pointsPerDecade" => Valid with { PointsPerDecade = 0 },
            "q" => Mlp(ValidMlp with { Q = double.NaN }),
            "qPhi" => Mlp(ValidMlp with { QPhi = double.NaN }),
            "depth" => Mlp(ValidMlp with { Depth = 0 }),
            "K" => Mlp(ValidMlp with { Harmonics = 0 }),
            _ => null,
        };

        try
        {
            broken?.Validate();
        }
        catch (ArgumentException e)
        {
            int at = e.Message.IndexOf(OutOfRange, StringComparison.Ordinal);
            return at < 0 ? e.Message : e.Message[(at + OutOfRange.Length)..];
        }

        return string.Empty;
    }

    /// <summary>A run of the MLP on the circle with <paramref name="settings"/>, valid in every other field.</summary>
    private static SimulationConfig Mlp(MlpCircleSettings settings) =>
        SimulationConfig.ForMlpCircle(ValidMlp, gamma0: 1.0, n: 1, batch: 1, eta: SimulationConfig.DefaultEta, steps: 1, seed: 0) with { Mlp = settings };

    /// <summary>An exception's message without the " (Parameter 'x')" that .NET appends.</summary>
    public static string WithoutParameterName(ArgumentException e)
    {
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? e.Message[..^suffix.Length]
            : e.Message;
    }

    /// <summary>
    /// A validation message of the library prefixed with the option it is about, e.g.
    /// "--beta: beta = -1 is out of range: beta must be a finite number &gt; 0.".
    /// </summary>
    public static string WithOption(string libraryMessage)
    {
        int equals = libraryMessage.IndexOf(" = ", StringComparison.Ordinal);
        if (equals > 0 && OptionOfField.TryGetValue(libraryMessage[..equals], out string? option))
        {
            return $"{option}: {libraryMessage}";
        }

        return libraryMessage;
    }
}

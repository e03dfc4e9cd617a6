using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ScaleSweep.Client.Options;

/// <summary>
/// Options whose malformed values give one clear line naming the option and what it accepts,
/// instead of the parser's generic type-conversion message.
/// </summary>
/// <remarks>
/// A custom parser here returns null only together with an error: System.CommandLine 2.0 does not keep
/// a null result as the option's value, so GetValue would fail on it (see <see cref="IntegerOrInfinity"/>).
/// </remarks>
internal static class OptionFactory
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Option, string> Ranges = new();

    /// <summary>What an option accepts, e.g. "alpha must be a finite number &gt; 1 (...)", if it was registered.</summary>
    public static string? RangeOf(Option option) => Ranges.TryGetValue(option, out string? range) ? range : null;

    /// <summary>Records what <paramref name="option"/> accepts, for messages about it; returns the option.</summary>
    public static T WithRange<T>(T option, string range)
        where T : Option
    {
        Ranges.AddOrUpdate(option, range);
        return option;
    }

    /// <summary>A real-valued option; the range text is the library's (see <see cref="LibraryRanges"/>) or given.</summary>
    public static Option<double> Real(string name, double defaultValue, string description, string range)
    {
        return WithRange(new Option<double>(name)
        {
            Description = description,
            HelpName = "number",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string token = SingleToken(result);
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    result.AddError(Malformed(name, token, "a number", range));
                }

                return value;
            },
        }, range);
    }

    /// <summary>An integer option in [min, max]; "1e6" is read as 1000000.</summary>
    public static Option<long> Integer(string name, long defaultValue, long min, long max, string description, string range)
    {
        return WithRange(new Option<long>(name)
        {
            Description = description,
            HelpName = "integer",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseInteger(result, name, min, max, range) ?? 0,
        }, range);
    }

    /// <summary>An optional integer option in [min, max] whose absence means "derive it" (null).</summary>
    public static Option<long?> OptionalInteger(string name, long min, long max, string description, string range)
    {
        return WithRange(new Option<long?>(name)
        {
            Description = description,
            HelpName = "integer",
            CustomParser = result => ParseInteger(result, name, min, max, range),
        }, range);
    }

    /// <summary>
    /// An option choosing one of a fixed set of words; null when absent (the caller applies the
    /// default, which <paramref name="description"/> states in the words users type).
    /// </summary>
    public static Option<T?> Choice<T>(string name, IReadOnlyDictionary<string, T> words, string description, string range)
        where T : struct
    {
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', words.Keys),
            CustomParser = result =>
            {
                string token = SingleToken(result);
                if (words.TryGetValue(token, out T value))
                {
                    return value;
                }

                result.AddError(Malformed(name, token, "allowed", range));
                return null;
            },
        };
        return WithRange(option, range);
    }

    /// <summary>A flag: present means true.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>Reads an integer token, accepting exact integers in scientific form ("1e6").</summary>
    internal static long? ParseInteger(ArgumentResult result, string name, long min, long max, string range)
    {
        string token = SingleToken(result);
        if (!TryParseInteger(token, out long value, out bool tooLarge))
        {
            result.AddError(tooLarge
                ? $"{name}: '{token}' is out of range: {range}"
                : Malformed(name, token, "an integer", range));
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError($"{name}: {value} is out of range: {range}");
            return null;
        }

        return value;
    }

    internal static bool TryParseInteger(string token, out long value, out bool tooLarge)
    {
        tooLarge = false;
        if (long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)
            && double.IsFinite(real) && real == Math.Floor(real))
        {
            if (Math.Abs(real) < 9.2e18)
            {
                value = (long)real;
                return true;
            }

            tooLarge = true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// "--alpha: 'abc' is not a number: ..." or, when the token is the next option (the value was
    /// left out), "--alpha: missing value before '--beta': ...".
    /// </summary>
    internal static string Malformed(string name, string token, string what, string range) =>
        token.StartsWith("--", StringComparison.Ordinal)
            ? $"{name}: missing value before '{token}': {range}"
            : $"{name}: '{token}' is not {what}: {range}";

    /// <summary>The option's value token (the last one if it was given more than once).</summary>
    internal static string SingleToken(ArgumentResult result) =>
        result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
}

using System.CommandLine;

namespace ScaleSweep.Client.Options;

/// <summary>The batch size B: a positive integer, or "inf" for the population gradient.</summary>
internal static class BatchSize
{
    /// <summary>How infinity is written on the command line and in JSON.</summary>
    public const string Infinite = "inf";

    public static Option<IntegerOrInfinity> CreateOption(string name, string description) =>
        IntegerOrInfinite(name, description, LibraryRanges.For("B"), "a batch size");

    /// <summary>
    /// An option taking an integer &gt;= 1 or "inf", for any size that may be infinite (B, and N of the
    /// theory's curves); absent means infinite. <paramref name="noun"/> names a malformed value in the message.
    /// </summary>
    public static Option<IntegerOrInfinity> IntegerOrInfinite(string name, string description, string range, string noun)
    {
        return OptionFactory.WithRange(new Option<IntegerOrInfinity>(name)
        {
            Description = description,
            HelpName = "integer|inf",
            DefaultValueFactory = _ => IntegerOrInfinity.Infinity,
            CustomParser = result =>
            {
                (IntegerOrInfinity value, string? error) = ParseItem(OptionFactory.SingleToken(result), name, range, noun);
                if (error is not null)
                {
                    result.AddError(error);
                }

                return value;
            },
        }, range);
    }

    /// <summary>
    /// One value of an "integer|inf" option: the value, or infinity with the message naming
    /// <paramref name="name"/> when <paramref name="token"/> is malformed or below 1.
    /// </summary>
    internal static (IntegerOrInfinity Value, string? Error) ParseItem(string token, string name, string range, string noun)
    {
        if (IsInfinite(token))
        {
            return (IntegerOrInfinity.Infinity, null);
        }

        if (!OptionFactory.TryParseInteger(token, out long value, out bool tooLarge) || tooLarge)
        {
            return (IntegerOrInfinity.Infinity, tooLarge
                ? $"{name}: '{token}' is out of range: {range}"
                : OptionFactory.Malformed(name, token, noun, range));
        }

        return value < 1
            ? (IntegerOrInfinity.Infinity, $"{name}: {value} is out of range: {range}")
            : (new IntegerOrInfinity(value), null);
    }

    public static bool IsInfinite(string token) =>
        token.Equals(Infinite, StringComparison.OrdinalIgnoreCase)
        || token.Equals("infinity", StringComparison.OrdinalIgnoreCase)
        || token == "\u221E";

    /// <summary>"inf" or the integer, as shown in tables.</summary>
    public static string Format(long? batch) =>
        batch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Infinite;
}

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
                string token = OptionFactory.SingleToken(result);
                if (IsInfinite(token))
                {
                    return IntegerOrInfinity.Infinity;
                }

                if (!OptionFactory.TryParseInteger(token, out long value, out bool tooLarge) || tooLarge)
                {
                    result.AddError(tooLarge
                        ? $"{name}: '{token}' is out of range: {range}"
                        : OptionFactory.Malformed(name, token, noun, range));
                    return IntegerOrInfinity.Infinity;
                }

                if (value < 1)
                {
                    result.AddError($"{name}: {value} is out of range: {range}");
                    return IntegerOrInfinity.Infinity;
                }

                return new IntegerOrInfinity(value);
            },
        }, range);
    }

    public static bool IsInfinite(string token) =>
        token.Equals(Infinite, StringComparison.OrdinalIgnoreCase)
        || token.Equals("infinity", StringComparison.OrdinalIgnoreCase)
        || token == "\u221E";

    /// <summary>"inf" or the integer, as shown in tables.</summary>
    public static string Format(long? batch) =>
        batch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Infinite;
}

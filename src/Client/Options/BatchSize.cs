using System.CommandLine;

namespace ScaleSweep.Client.Options;

/// <summary>The batch size B: a positive integer, or "inf" for the population gradient.</summary>
internal static class BatchSize
{
    /// <summary>How infinity is written on the command line and in JSON.</summary>
    public const string Infinite = "inf";

    public static Option<long?> CreateOption(string name, string description)
    {
        string range = LibraryRanges.For("B");
        return OptionFactory.WithRange(new Option<long?>(name)
        {
            Description = description,
            HelpName = "integer|inf",
            DefaultValueFactory = _ => null,
            CustomParser = result =>
            {
                string token = OptionFactory.SingleToken(result);
                if (IsInfinite(token))
                {
                    return null;
                }

                if (!OptionFactory.TryParseInteger(token, out long value, out bool tooLarge))
                {
                    result.AddError(tooLarge
                        ? $"{name}: '{token}' is out of range: {range}"
                        : OptionFactory.Malformed(name, token, "a batch size", range));
                    return null;
                }

                if (value < 1)
                {
                    result.AddError($"{name}: {value} is out of range: {range}");
                    return null;
                }

                return value;
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

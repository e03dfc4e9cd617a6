using System.Text.RegularExpressions;

namespace ScaleSweep.Silo;

/// <summary>
/// A setting whose value does not convert to its option's type (ScaleSweep__Workers__Count=abc): the
/// configuration binder throws when the option is first read, which may be deep in the silo's start, with a
/// stack trace. This turns it into the one line the silo prints for invalid settings.
/// </summary>
public static partial class SettingValueError
{
    /// <summary>The line naming the setting, its value and what it must be; null for any other exception.</summary>
    public static string? Describe(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && BinderMessage().Match(e.Message) is { Success: true } match)
            {
                return $"{match.Groups["key"].Value} is '{match.Groups["value"].Value}'; it must be {Kind(match.Groups["type"].Value)}";
            }
        }

        return null;
    }

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Single" => "a number (digits, a point, an exponent: 1.5, 0, 1e-3)",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a time span (hh:mm:ss)",
        _ => "a value of type " + type,
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'\.", RegexOptions.Singleline)]
    private static partial Regex BinderMessage();
}

using System.CommandLine.Parsing;

namespace ScaleSweep.Client.Options;

/// <summary>
/// The one parser of "a:b" windows of integers, both ends inclusive: the step window of the loss fits
/// (<see cref="FitWindowOption"/>) and the mode window of the spectrum fits (<see cref="ModeWindowOption"/>).
/// </summary>
internal static class WindowParser
{
    /// <summary>
    /// (a, b) with <paramref name="lowest"/> &lt;= a &lt; b &lt;= <paramref name="highest"/>, or null with one error on
    /// <paramref name="result"/>: "malformed" when it is not two integers, else "'a:b' is <paramref name="outOfRange"/>".
    /// </summary>
    public static (long A, long B)? Parse(ArgumentResult result, string name, long lowest, long highest, string outOfRange, string range)
    {
        string token = OptionFactory.SingleToken(result);
        string[] parts = token.Split(':');
        if (parts.Length != 2
            || !OptionFactory.TryParseInteger(parts[0].Trim(), out long a, out _)
            || !OptionFactory.TryParseInteger(parts[1].Trim(), out long b, out _))
        {
            result.AddError(OptionFactory.Malformed(name, token, "a window", range));
            return null;
        }

        if (a < lowest || b <= a || b > highest)
        {
            result.AddError($"{name}: '{token}' is {outOfRange}: {range}");
            return null;
        }

        return (a, b);
    }
}

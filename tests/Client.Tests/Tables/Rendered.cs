using System.Text.RegularExpressions;

namespace ScaleSweep.Client.Tests.Tables;

/// <summary>Checks on text written for a terminal: every line fits, none ends in spaces, and numbers are whole.</summary>
internal static class Rendered
{
    public static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>Every line is at most <paramref name="width"/> characters and has no trailing whitespace.</summary>
    public static void AssertFits(string text, int width)
    {
        Assert.NotEmpty(text);
        foreach (string line in Lines(text))
        {
            Assert.True(line.Length <= width, $"{line.Length} > {width} characters: '{line}'\n{text}");
            Assert.True(line == line.TrimEnd(), $"trailing whitespace: '{line}'");
        }
    }

    /// <summary>
    /// <paramref name="number"/> appears on one line as a whole token: not preceded or followed by another digit,
    /// point or exponent, so "0.3958" split into "0.395" and "8" on the next line, or cut to "0.395", fails.
    /// </summary>
    public static void AssertWhole(string text, string number)
    {
        var token = new Regex($@"(?<![\d.]){Regex.Escape(number)}(?![\d.E])");
        Assert.True(Lines(text).Any(line => token.IsMatch(line)), $"'{number}' is not whole on any line of:\n{text}");
    }

    /// <summary><see cref="AssertFits"/> and <see cref="AssertWhole"/> for every one of <paramref name="numbers"/>.</summary>
    public static void AssertReadable(string text, int width, IEnumerable<string> numbers)
    {
        AssertFits(text, width);
        foreach (string number in numbers)
        {
            AssertWhole(text, number);
        }
    }
}

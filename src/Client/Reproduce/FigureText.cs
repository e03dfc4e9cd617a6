using System.Globalization;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Reproduce;

/// <summary>Numbers as the captions and the summary table print them.</summary>
internal static class FigureText
{
    /// <summary>An exponent to 3 decimals; a tiny negative one reads "0.000", not "-0.000".</summary>
    public static string X(double value)
    {
        string text = value.ToString("F3", CultureInfo.InvariantCulture);
        return text == "-0.000" ? "0.000" : text;
    }

    /// <summary>A parameter in its shortest round-trip form.</summary>
    public static string P(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"0.523 [0.517, 0.533]", or the value alone without an interval.</summary>
    public static string WithCi(double value, double[]? ci) =>
        ci is [double lo, double hi] ? $"{X(value)} [{X(lo)}, {X(hi)}]" : X(value);

    /// <summary>A group's fitted time exponent with its CI, or "no fit".</summary>
    public static string Fit(GroupReport group) => group.Fit is { } f ? WithCi(f.Exponent, f.Ci) : "no fit";

    /// <summary>"a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}

using System.Globalization;

namespace ScaleSweep.Client.Output;

/// <summary>Numbers as tables show them: invariant culture, six significant digits.</summary>
internal static class NumberFormat
{
    public static string Value(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Exponent(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Parameter(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using ScaleSweep.Client.Options;
using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// What the report's CSV files share: numbers in invariant culture and round-trip form, and the columns
/// that name a group's configuration, so curves.csv and seeds.csv describe a group alike.
/// </summary>
internal static class CsvValues
{
    /// <summary>The group columns that start a row of curves.csv and seeds.csv, without a trailing comma; P is "inf" for online training.</summary>
    public const string GroupHeader = "model,alpha,beta,gamma,N,P,B,eta,M,steps";

    /// <summary>The values of <see cref="GroupHeader"/> for one group, followed by a comma (its rows' prefix).</summary>
    public static string GroupPrefix(string model, GroupConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new StringBuilder()
            .Append(model).Append(',')
            .Append(Number(c.Alpha)).Append(',')
            .Append(Number(c.Beta)).Append(',')
            .Append(Number(c.Gamma)).Append(',')
            .Append(Integer(c.N)).Append(',')
            .Append(BatchSize.Format(c.P)).Append(',')
            .Append(BatchSize.Format(c.B)).Append(',')
            .Append(Number(c.Eta)).Append(',')
            .Append(Integer(c.M)).Append(',')
            .Append(Integer(c.Steps)).Append(',')
            .ToString();
    }

    /// <summary>Shortest round-trip form, invariant culture: parsing gives back the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using ScaleSweep.Client.Options;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// What the report's CSV files share: numbers in invariant culture and round-trip form, and the columns
/// that name a group's configuration, so curves.csv and seeds.csv describe a group alike. An mlp-circle sweep's
/// groups add the MLP's own parameters (<see cref="MlpColumns"/>); every other model's files are as before.
/// </summary>
internal static class CsvValues
{
    /// <summary>The group columns that start a row of curves.csv and seeds.csv, without a trailing comma; P is "inf" for online training.</summary>
    public const string GroupHeader = "model,alpha,beta,gamma,N,P,B,eta,M,steps";

    /// <summary>The columns an mlp-circle sweep's groups add after <see cref="GroupHeader"/>: the target decay q, the activation power qPhi and the hidden layers.</summary>
    public const string MlpColumns = "q,qPhi,depth";

    /// <summary>The group columns of a report of <paramref name="model"/>: <see cref="GroupHeader"/>, and <see cref="MlpColumns"/> after it for mlp-circle.</summary>
    public static string GroupHeaderOf(string model) => IsMlp(model) ? GroupHeader + "," + MlpColumns : GroupHeader;

    /// <summary>The values of <see cref="GroupHeaderOf"/> for one group, followed by a comma (its rows' prefix).</summary>
    public static string GroupPrefix(string model, GroupConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var prefix = new StringBuilder()
            .Append(model).Append(',')
            .Append(Number(c.Alpha)).Append(',')
            .Append(Number(c.Beta)).Append(',')
            .Append(Number(c.Gamma)).Append(',')
            .Append(Integer(c.N)).Append(',')
            .Append(BatchSize.Format(c.P)).Append(',')
            .Append(BatchSize.Format(c.B)).Append(',')
            .Append(Number(c.Eta)).Append(',')
            .Append(Integer(c.M)).Append(',')
            .Append(Integer(c.Steps)).Append(',');
        if (IsMlp(model))
        {
            // Empty cells for a group without them (none is: every mlp-circle run has its settings).
            prefix.Append(c.Q is { } q ? Number(q) : string.Empty).Append(',')
                .Append(c.QPhi is { } qPhi ? Number(qPhi) : string.Empty).Append(',')
                .Append(c.Depth is { } depth ? Integer(depth) : string.Empty).Append(',');
        }

        return prefix.ToString();
    }

    /// <summary>Shortest round-trip form, invariant culture: parsing gives back the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsMlp(string model) => string.Equals(model, ModelKindNames.Name(ModelKind.MlpCircle), StringComparison.Ordinal);
}

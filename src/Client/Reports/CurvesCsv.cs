using System.Globalization;
using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reports.CsvValues;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// curves.csv: one row per group and recorded step with the seed mean, its standard error and the
/// number of seeds, in long format so any plotting tool can pivot it. Invariant culture, numbers in
/// round-trip form, B as "inf" for the infinite batch, "\n" line ends.
/// </summary>
internal static class CurvesCsv
{
    /// <summary>The file name inside a report directory.</summary>
    public const string FileName = "curves.csv";

    /// <summary>The header line: the group's configuration, then the step and the seed statistics.</summary>
    public const string Header = GroupHeader + ",step,mean,sem,n";

    public static void Write(SweepReport report, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (GroupReport group in report.Groups)
        {
            string prefix = GroupPrefix(report.Model, group.Config);
            for (int k = 0; k < group.Steps.Length; k++)
            {
                writer.Write(prefix);
                writer.Write(Integer(group.Steps[k]));
                writer.Write(',');
                writer.Write(Number(group.Mean[k]));
                writer.Write(',');
                writer.Write(Number(group.Sem[k]));
                writer.Write(',');
                writer.Write(Integer(group.Seeds));
                writer.Write('\n');
            }
        }
    }

    public static string Serialize(SweepReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }
}

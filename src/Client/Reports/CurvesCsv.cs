using System.Globalization;
using System.Text;
using ScaleSweep.Client.Options;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;

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
    public const string Header = "model,alpha,beta,gamma,N,B,eta,M,steps,step,mean,sem,n";

    public static void Write(SweepReport report, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        var line = new StringBuilder();
        foreach (GroupReport group in report.Groups)
        {
            GroupConfig c = group.Config;
            line.Clear();
            line.Append(report.Model).Append(',')
                .Append(Number(c.Alpha)).Append(',')
                .Append(Number(c.Beta)).Append(',')
                .Append(Number(c.Gamma)).Append(',')
                .Append(Integer(c.N)).Append(',')
                .Append(BatchSize.Format(c.B)).Append(',')
                .Append(Number(c.Eta)).Append(',')
                .Append(Integer(c.M)).Append(',')
                .Append(Integer(c.Steps)).Append(',');
            string prefix = line.ToString();
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

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reports.CsvValues;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// curves.csv: one row per group and recorded step with the seed mean of the test loss, its standard
/// error and the number of seeds, then on a finite training set the train loss's mean and standard error
/// (empty cells online), in long format so any plotting tool can pivot it. An mlp-circle sweep's rows carry
/// q, qPhi and depth after the group's other columns (<see cref="CsvValues.MlpColumns"/>). Invariant culture,
/// numbers in round-trip form, B and P as "inf" for the infinite batch and online training, "\n" line ends.
/// </summary>
internal static class CurvesCsv
{
    /// <summary>The file name inside a report directory.</summary>
    public const string FileName = "curves.csv";

    /// <summary>The columns after the group's: the step and the seed statistics.</summary>
    public const string StatisticsHeader = "step,mean,sem,n,train_mean,train_sem";

    /// <summary>The header line of every model but mlp-circle: the group's configuration, then the step and the seed statistics.</summary>
    public const string Header = GroupHeader + "," + StatisticsHeader;

    /// <summary>The header line of a report of <paramref name="model"/> (<see cref="Header"/> with the MLP's columns for mlp-circle).</summary>
    public static string HeaderOf(string model) => GroupHeaderOf(model) + "," + StatisticsHeader;

    public static void Write(SweepReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(HeaderOf(report.Model));
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
                writer.Write(',');
                if (group.TrainMean is { } train && group.TrainSem is { } trainSem)
                {
                    writer.Write(Number(train[k]));
                    writer.Write(',');
                    writer.Write(Number(trainSem[k]));
                }
                else
                {
                    writer.Write(',');
                }

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

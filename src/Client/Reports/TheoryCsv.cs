using System.Globalization;
using ScaleSweep.Client.Options;
using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reports.CsvValues;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// theory.csv: the report's completed DMFT theory curves in long format, one row per curve and recorded
/// step, beside curves.csv (whose columns stay as they were). Written only when the report has theory
/// curves. Invariant culture, round-trip numbers, N, B and P as "inf" when infinite, "\n" line ends; train_loss
/// is empty but for the curves of a finite training set (eq. 41).
/// </summary>
internal static class TheoryCsv
{
    /// <summary>The file name inside a report directory.</summary>
    public const string FileName = "theory.csv";

    /// <summary>The header line: the curve's key and settings, then the step and the DMFT loss.</summary>
    public const string Header = "key,alpha,beta,gamma,N,B,P,eta,M,steps,modes,solver,step,loss,train_loss";

    public static string Serialize(SweepReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write(Header);
        writer.Write('\n');
        foreach (DmftCurveReport curve in report.TheoryCurves)
        {
            DmftCurveConfig c = curve.Config;
            string prefix = string.Join(',',
                curve.Key, Number(c.Alpha), Number(c.Beta), Number(c.Gamma), BatchSize.Format(c.N), BatchSize.Format(c.B), BatchSize.Format(c.P),
                Number(c.Eta), Integer(c.M), Integer(c.Steps), Integer(c.Modes), Quote(curve.Solver ?? string.Empty));
            for (int k = 0; k < curve.Steps.Length; k++)
            {
                writer.Write(prefix);
                writer.Write(',');
                writer.Write(Integer(curve.Steps[k]));
                writer.Write(',');
                writer.Write(Number(curve.Loss[k]));
                writer.Write(',');
                if (curve.TrainLoss is { } train && k < train.Length)
                {
                    writer.Write(Number(train[k]));
                }

                writer.Write('\n');
            }
        }

        return writer.ToString();
    }

    // The solver names hold a comma ("eq. 43-44" does not, but a future one might) and parentheses.
    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}

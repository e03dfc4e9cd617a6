using System.Text;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Reports;

/// <summary>Writes a report directory: report.json, curves.csv, theory.csv (with theory curves) and every plot as PNG and SVG.</summary>
internal static class ReportWriter
{
    /// <summary>
    /// Writes the files into <paramref name="directory"/> (created if needed) and returns their full paths
    /// in the order written. Each file is written to a temporary name beside it and then renamed over the
    /// old one, so a reader never sees a half-written file and an interrupted write leaves the previous
    /// version in place. Plots are rendered before anything is written, so a rendering error leaves the
    /// directory untouched. Files of an earlier report that this one does not produce are left alone.
    /// </summary>
    public static IReadOnlyList<string> Write(SweepReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var encoding = new UTF8Encoding(false);
        byte[] json = encoding.GetBytes(ReportJson.Serialize(report));
        byte[] csv = encoding.GetBytes(CurvesCsv.Serialize(report));
        byte[]? theory = report.TheoryCurves.Length > 0 ? encoding.GetBytes(TheoryCsv.Serialize(report)) : null;
        IReadOnlyList<RenderedPlot> plots = ReportPlots.Render(report);

        Directory.CreateDirectory(directory);
        var written = new List<string>(2 + (2 * plots.Count))
        {
            WriteAtomically(directory, ReportJson.FileName, json),
            WriteAtomically(directory, CurvesCsv.FileName, csv),
        };
        if (theory is not null)
        {
            written.Add(WriteAtomically(directory, TheoryCsv.FileName, theory));
        }

        foreach (RenderedPlot plot in plots)
        {
            written.Add(WriteAtomically(directory, plot.BaseName + ".png", plot.Png));
            written.Add(WriteAtomically(directory, plot.BaseName + ".svg", encoding.GetBytes(plot.Svg)));
        }

        return written;
    }

    internal static string WriteAtomically(string directory, string fileName, byte[] content)
    {
        using AtomicFile file = AtomicFile.Create(directory, fileName);
        file.Stream.Write(content);
        return file.Commit();
    }
}

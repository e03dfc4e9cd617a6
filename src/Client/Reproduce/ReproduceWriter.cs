using System.Globalization;
using System.Text;
using System.Text.Json;
using ScaleSweep.Client.Reports;
using static ScaleSweep.Client.Reproduce.FigureText;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// Writes what `reproduce` drew: a folder per figure (its panels as PNG and SVG, its data, its caption and the
/// specs of its sweeps, which `scalesweep run` takes as they are) and reproduce.md, every figure with its caption
/// and the table of measured against predicted exponents. Each file is written atomically, as report folders are.
/// </summary>
internal static class ReproduceWriter
{
    /// <summary>The summary page inside the output folder.</summary>
    public const string SummaryFile = "reproduce.md";

    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<(PaperFigure Figure, FigureResult Result)> figures, bool quick)
    {
        var encoding = new UTF8Encoding(false);
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(directory);
            foreach ((PaperFigure figure, FigureResult result) in figures)
            {
                string folder = Path.Combine(directory, figure.Name);
                Directory.CreateDirectory(folder);
                foreach (RenderedPlot plot in result.Plots)
                {
                    written.Add(WriteFile(folder, plot.BaseName + ".png", plot.Png));
                    written.Add(WriteFile(folder, plot.BaseName + ".svg", encoding.GetBytes(plot.Svg)));
                }

                foreach (FigureData data in result.Data)
                {
                    written.Add(WriteFile(folder, data.FileName, encoding.GetBytes(data.Content)));
                }

                written.Add(WriteFile(folder, "caption.md", encoding.GetBytes(result.Caption + "\n")));
                IReadOnlyList<string> specs = figure.SpecJson(quick);
                for (int i = 0; i < specs.Count; i++)
                {
                    written.Add(WriteFile(folder, $"spec-{SpecName(specs[i])}.json", encoding.GetBytes(specs[i].Trim() + "\n")));
                }
            }

            written.Add(WriteFile(directory, SummaryFile, encoding.GetBytes(Summary(figures, quick))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write the figures to '{directory}': {e.Message}");
        }

        return written;
    }

    /// <summary>reproduce.md: each figure's panels and caption, then the exponents measured beside the paper's.</summary>
    public static string Summary(IReadOnlyList<(PaperFigure Figure, FigureResult Result)> figures, bool quick)
    {
        var md = new StringBuilder();
        md.Append("# The paper's figures, reproduced\n\n");
        md.Append(quick
            ? "Drawn by `scalesweep reproduce --quick` (smaller grids, fewer steps and seeds than the paper; each caption says which).\n\n"
            : "Drawn by `scalesweep reproduce` at the paper's sizes.\n\n");
        foreach ((PaperFigure figure, FigureResult result) in figures)
        {
            md.Append(CultureInfo.InvariantCulture, $"## {figure.Name}: {figure.Summary}\n\n");
            foreach (RenderedPlot plot in result.Plots)
            {
                md.Append(CultureInfo.InvariantCulture, $"![{plot.BaseName}]({figure.Name}/{plot.BaseName}.png)\n");
            }

            md.Append('\n').Append(result.Caption).Append("\n\n");
        }

        md.Append("## Measured against predicted exponents\n\n");
        md.Append("| figure | quantity | setting | measured [95% CI] | predicted | source |\n|---|---|---|---|---|---|\n");
        foreach (ExponentRow row in figures.SelectMany(f => f.Result.Exponents))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Quantity} | {row.Setting} | {WithCi(row.Measured, row.Ci)} | {X(row.Predicted)} | {row.Source} |\n");
        }

        return md.ToString();
    }

    private static string SpecName(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return PlotNames.Sanitize(document.RootElement.GetProperty("name").GetString() ?? "spec");
    }

    private static string WriteFile(string directory, string fileName, byte[] content)
    {
        using AtomicFile file = AtomicFile.Create(directory, fileName);
        file.Stream.Write(content);
        return file.Commit();
    }
}

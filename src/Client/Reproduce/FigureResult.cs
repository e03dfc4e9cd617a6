using ScaleSweep.Client.Reports;

namespace ScaleSweep.Client.Reproduce;

/// <summary>A drawn figure: its panels, the data behind them, the caption and the exponents it measured.</summary>
/// <param name="Plots">The panels, each written as PNG and SVG.</param>
/// <param name="Data">The figure's data files (CSV: header first, "\n" line ends).</param>
/// <param name="Caption">One paragraph: what was measured against what theory, with the numbers.</param>
/// <param name="Exponents">The measured exponents beside their predictions, for the summary table.</param>
internal sealed record FigureResult(IReadOnlyList<RenderedPlot> Plots, IReadOnlyList<FigureData> Data, string Caption, IReadOnlyList<ExponentRow> Exponents);

namespace ScaleSweep.Client.Reproduce;

/// <summary>One data file of a figure.</summary>
/// <param name="FileName">Its name inside the figure's folder, e.g. "fig2-curves.csv".</param>
/// <param name="Content">Its text.</param>
internal sealed record FigureData(string FileName, string Content);

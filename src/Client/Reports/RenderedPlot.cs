namespace ScaleSweep.Client.Reports;

/// <summary>One plot rendered in memory, to be written as BaseName.png and BaseName.svg.</summary>
/// <param name="BaseName">File name without extension, e.g. "loss-beta0.4" or "frontier".</param>
/// <param name="Kind">"loss" or "frontier".</param>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="Svg">The SVG document.</param>
internal sealed record RenderedPlot(string BaseName, string Kind, byte[] Png, string Svg);

namespace ScaleSweep.Sweeps.Grid;

/// <summary>One compute-optimal frontier of a grid: its shared parameters and, for each width, its group.</summary>
/// <param name="Config">The parameters its groups share.</param>
/// <param name="Widths">The spec's widths in the spec's order, each with the index of its group in <see cref="SweepGrid.Groups"/>.</param>
public sealed record GridFrontier(FrontierConfig Config, IReadOnlyList<GridWidth> Widths);

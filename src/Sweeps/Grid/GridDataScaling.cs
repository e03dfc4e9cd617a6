namespace ScaleSweep.Sweeps.Grid;

/// <summary>One data-scaling line of a grid: its shared parameters and, for each finite training-set size, its group.</summary>
/// <param name="Config">The parameters its groups share.</param>
/// <param name="Samples">The spec's finite P entries in the spec's order, each with the index of its group in <see cref="SweepGrid.Groups"/>.</param>
public sealed record GridDataScaling(DataScalingConfig Config, IReadOnlyList<GridSamples> Samples);

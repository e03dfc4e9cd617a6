namespace ScaleSweep.Sweeps.Grid;

/// <summary>One training-set size of a data-scaling line and the index of its group in <see cref="SweepGrid.Groups"/>.</summary>
public sealed record GridSamples(long P, int Group);

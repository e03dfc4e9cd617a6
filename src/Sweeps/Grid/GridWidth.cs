namespace ScaleSweep.Sweeps.Grid;

/// <summary>One width of a frontier and the index of its group in <see cref="SweepGrid.Groups"/>.</summary>
public sealed record GridWidth(int N, int Group);

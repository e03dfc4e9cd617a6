namespace ScaleSweep.Sweeps.Specs;

/// <summary>What a sweep will store, as <see cref="SweepStorageEstimate.Of"/> estimates it.</summary>
/// <param name="Runs">Runs: groups times seeds.</param>
/// <param name="Groups">Grid points without their seed; each stores one aggregate.</param>
/// <param name="PointsPerCurve">Steps a curve is recorded at (<see cref="Numerics.Models.LogGrid.Steps"/> of the spec's steps).</param>
/// <param name="BytesPerRun">Bytes of one run: its final row and its seed's copy in its group.</param>
/// <param name="BytesPerGroup">Bytes of one group's aggregate beyond its runs' copies.</param>
/// <param name="TotalBytes">
/// <paramref name="Runs"/> x <paramref name="BytesPerRun"/> + <paramref name="Groups"/> x <paramref name="BytesPerGroup"/>;
/// <see cref="long.MaxValue"/> when that does not fit a long.
/// </param>
public readonly record struct SweepStorage(
    long Runs, long Groups, int PointsPerCurve, long BytesPerRun, long BytesPerGroup, long TotalBytes);

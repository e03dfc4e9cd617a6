using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// One group's per-seed loss curves, as a completed sweep answers for them (one group per call, so a
/// client streams a sweep of 100,000 runs group by group instead of holding every curve at once).
/// </summary>
/// <param name="Group">The group's index in the grid order of <see cref="SweepGrid.Groups"/>.</param>
/// <param name="Config">Its parameters.</param>
/// <param name="Seeds">
/// Its completed and diverged seeds' curves in the spec's seed order, each with its
/// <see cref="StoredSeedCurve.Seed"/> set; failed, cancelled and unfinished seeds have none and are absent.
/// </param>
[GenerateSerializer, Immutable]
public sealed record GroupSeedCurves(
    [property: Id(0)] int Group,
    [property: Id(1)] GroupConfig Config,
    [property: Id(2)] StoredSeedCurve[] Seeds);

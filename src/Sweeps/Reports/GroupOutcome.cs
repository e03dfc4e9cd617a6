namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// One group's part of its sweep's report, built by its group grain once its seeds are final
/// (<see cref="GroupAggregator"/>) and stored once: the sweep's report is assembled from these, never
/// from every run.
/// </summary>
/// <param name="Report">The group's seed mean, fit and theory.</param>
/// <param name="Counts">Its runs by final status.</param>
/// <param name="Issues">Its runs that diverged or failed, in seed order.</param>
/// <param name="Seeds">
/// Its seeds' curves in the spec's seed order, completed and diverged ones only (a failed, cancelled or
/// unfinished seed has none and is skipped), for the frontier bootstraps and the per-seed curves.
/// </param>
[GenerateSerializer, Immutable]
public sealed record GroupOutcome(
    [property: Id(0)] GroupReport Report,
    [property: Id(1)] RunCounts Counts,
    [property: Id(2)] RunIssue[] Issues,
    [property: Id(3)] StoredSeedCurve[] Seeds);

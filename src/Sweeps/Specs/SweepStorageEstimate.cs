using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// The bytes a sweep leaves in storage once its runs are final, estimated from the spec alone (a pure
/// function: no grid expansion, no storage read), so a sweep that would fill the storage account is
/// refused before it starts (<see cref="SweepLimits.MaxStoredBytes"/>). Curves dominate: every recorded
/// point is counted at its raw 8 bytes per number, checkpoints are left out (a run deletes its own when
/// final), and so are the sweep record, which does not grow with the runs' curves, and any DMFT theory
/// curves (at most one per group, each about the size of one run's curve).
/// </summary>
public static class SweepStorageEstimate
{
    /// <summary>
    /// One point of a run's stored curve (<c>StoredLossCurve</c> in its results-table row): the step
    /// (long), the loss (double) and |w|^2 / N (double). An upper bound: the projected model leaves the
    /// weight-norm array empty.
    /// </summary>
    public const int RunBytesPerPoint = 3 * sizeof(long);

    /// <summary>
    /// One point of a run's copy in its group's stored outcome (<c>StoredSeedCurve</c>, kept for the
    /// frontier bootstraps over seeds): the step and the loss.
    /// </summary>
    public const int SeedCopyBytesPerPoint = 2 * sizeof(long);

    /// <summary>
    /// A run's stored bytes apart from its curve: the row's partition and row keys (the run key, a
    /// content address of ~ 60 characters, which the table service counts as UTF-16), its timestamp and
    /// ETag, the status, last step, diverged step, compute seconds, finish time, the subscribing group
    /// keys, the silo name, an error text when failed, and the chunk columns. About 300-400 bytes
    /// counted that way; 512 leaves room for a longer error or silo name.
    /// </summary>
    public const int RunOverheadBytes = 512;

    /// <summary>
    /// One point of a group's aggregate: the step, the seed mean and its standard error (three 8-byte
    /// numbers, <c>GroupReport</c>). Stored twice: in the group's outcome and in the sweep's report.
    /// </summary>
    public const int AggregateBytesPerPoint = 3 * sizeof(long);

    /// <summary>
    /// What finite data (a spec with a finite P) adds per point: the train loss beside the test loss in the run's
    /// curve and in its seed copy, and the train mean and standard error in each copy of the aggregate.
    /// Counted for every run of such a spec, an upper bound when its P grid also has "inf".
    /// </summary>
    public const int TrainBytesPerPoint = sizeof(double);

    /// <summary>Copies of a group's aggregate in storage: its group's outcome and the sweep's stored report.</summary>
    public const int AggregateCopies = 2;

    /// <summary>
    /// A group's stored bytes apart from its curves: its blob and blob name, its configuration, fit,
    /// run counts, predicted exponent and issue list header, in the outcome and again in the report.
    /// </summary>
    public const int GroupOverheadBytes = 512;

    /// <summary>
    /// The estimate for <paramref name="spec"/>. Counts groups as the product of the grid sizes (what
    /// <see cref="Grid.SweepGrid.Groups"/> holds, without walking it) and the recorded points with
    /// <see cref="LogGrid.Steps"/>, as the runs record them; the runs are never expanded, so a sweep of
    /// 100,000 runs costs as little as one of 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="spec"/> has negative steps or pointsPerDecade below 1 (the validator refuses both first).
    /// </exception>
    public static SweepStorage Of(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int points = LogGrid.Steps(spec.Steps, spec.PointsPerDecade).Length;

        // Saturating: the run-count cap is checked first, but the estimate must not wrap for any spec.
        long groupCount = 1;
        foreach (int length in (ReadOnlySpan<int>)[spec.TaskRows, spec.TaskColumns, spec.Gamma.Length, spec.N.Length, spec.PGrid.Length, spec.B.Length, spec.Eta.Length])
        {
            groupCount = Multiply(groupCount, length);
        }

        long runCount = Multiply(groupCount, spec.Seeds.Length);
        int train = spec.HasFiniteData ? TrainBytesPerPoint : 0;
        long bytesPerRun = ((long)RunBytesPerPoint + SeedCopyBytesPerPoint + 2 * train) * points + RunOverheadBytes;
        long bytesPerGroup = (long)AggregateCopies * (AggregateBytesPerPoint + 2 * train) * points + GroupOverheadBytes;
        long total = Add(Multiply(runCount, bytesPerRun), Multiply(groupCount, bytesPerGroup));
        return new SweepStorage(runCount, groupCount, points, bytesPerRun, bytesPerGroup, total);
    }

    /// <summary>a b for a, b &gt;= 0, or <see cref="long.MaxValue"/> when it does not fit.</summary>
    private static long Multiply(long a, long b) => a == 0 || b <= long.MaxValue / a ? a * b : long.MaxValue;

    /// <summary>a + b for a, b &gt;= 0, or <see cref="long.MaxValue"/> when it does not fit.</summary>
    private static long Add(long a, long b) => b <= long.MaxValue - a ? a + b : long.MaxValue;
}

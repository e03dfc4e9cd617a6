using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>One seed's loss curve as a group's stored aggregate keeps it, for the frontier bootstraps over seeds and the per-seed curves.</summary>
/// <param name="Steps">Recorded steps.</param>
/// <param name="Loss">Loss at each step.</param>
/// <param name="Diverged">The seed diverged: counted, and left out of means and fits.</param>
/// <param name="Seed">
/// The run's seed. Appended (field 3): outcomes stored before it read back null, and
/// <see cref="SeedNumbers.Resolve"/> recovers it from the spec where it can.
/// </param>
/// <param name="TrainLoss">The train loss on a finite training set at the same steps; appended (field 4), null online.</param>
/// <param name="WeightNorm">The linear network's |w|^2 / N at the same steps (Fig. 12); appended (field 5), null for other models and curves stored before it.</param>
[GenerateSerializer, Immutable]
public sealed record StoredSeedCurve(
    [property: Id(0)] long[] Steps,
    [property: Id(1)] double[] Loss,
    [property: Id(2)] bool Diverged,
    [property: Id(3)] ulong? Seed = null,
    [property: Id(4)] double[]? TrainLoss = null,
    [property: Id(5)] double[]? WeightNorm = null)
{
    /// <summary>The curve as the analysis library takes it.</summary>
    public SeedCurve ToSeedCurve() => new(Steps, Loss, Diverged);

    /// <summary>The train-loss curve as the analysis library takes it; null without one.</summary>
    public SeedCurve? ToTrainCurve() => TrainLoss is { Length: > 0 } train ? new(Steps, train, Diverged) : null;

    /// <summary>The |w|^2 / N curve as the analysis library takes it; null without one.</summary>
    public SeedCurve? ToWeightNormCurve() => WeightNorm is { Length: > 0 } norm ? new(Steps, norm, Diverged) : null;
}

using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Runs;

/// <summary>
/// How a run's <see cref="LossCurve"/> is kept in blob storage. The wire uses a surrogate struct, whose
/// encoding differs from this record's; curves stored by earlier versions were written as this record, so
/// storage keeps its shape and a run stored before still reads back whole, bit for bit.
/// </summary>
/// <param name="TrainLoss">The train loss on a finite training set; appended (field 3), null for online runs and runs stored before it.</param>
[GenerateSerializer, Immutable]
public sealed record StoredLossCurve(
    [property: Id(0)] long[] Steps,
    [property: Id(1)] double[] Loss,
    [property: Id(2)] double[] WeightNormPerWidth,
    [property: Id(3)] double[]? TrainLoss = null)
{
    public static StoredLossCurve From(LossCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return new StoredLossCurve(curve.Steps, curve.Loss, curve.WeightNormPerWidth, curve.TrainLoss.Length > 0 ? curve.TrainLoss : null);
    }

    public LossCurve ToLossCurve() => new(Steps, Loss, WeightNormPerWidth) { TrainLoss = TrainLoss ?? [] };
}

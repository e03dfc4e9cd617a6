using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>Wire and storage form of a run's <see cref="LossCurve"/>, which the numerics library keeps free of Orleans.</summary>
[GenerateSerializer]
public struct LossCurveSurrogate
{
    [Id(0)] public long[] Steps;
    [Id(1)] public double[] Loss;
    [Id(2)] public double[] WeightNormPerWidth;

    /// <summary>The train loss of a run on a finite training set; null or empty online.</summary>
    [Id(3)] public double[]? TrainLoss;
}

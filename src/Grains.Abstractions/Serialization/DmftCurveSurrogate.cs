using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>Wire and storage form of a solved <see cref="DmftCurve"/>, which the numerics library keeps free of Orleans.</summary>
[GenerateSerializer]
public struct DmftCurveSurrogate
{
    [Id(0)] public long[] Steps;
    [Id(1)] public double[] Loss;
    [Id(2)] public double[] WeightNormPerWidth;
    [Id(3)] public int ModesUsed;
    [Id(4)] public bool ModesExact;
    [Id(5)] public long TimePoints;
    [Id(6)] public int Iterations;
    [Id(7)] public double Residual;
    [Id(8)] public string Solver;
    [Id(9)] public string TimeGrid;
    [Id(10)] public long? StepStabilityLimit;

    /// <summary>The train loss of a curve on a finite training set (eq. 41); null or empty online.</summary>
    [Id(11)] public double[]? TrainLoss;
}

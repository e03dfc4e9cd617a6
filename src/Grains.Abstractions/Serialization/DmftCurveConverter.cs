using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>Converts <see cref="DmftCurve"/> to and from its wire form, every field as it is.</summary>
[RegisterConverter]
public sealed class DmftCurveConverter : IConverter<DmftCurve, DmftCurveSurrogate>
{
    public DmftCurve ConvertFromSurrogate(in DmftCurveSurrogate surrogate) =>
        new(surrogate.Steps, surrogate.Loss, surrogate.WeightNormPerWidth, surrogate.ModesUsed, surrogate.ModesExact,
            surrogate.TimePoints, surrogate.Iterations, surrogate.Residual, surrogate.Solver)
        {
            TimeGrid = surrogate.TimeGrid,
            StepStabilityLimit = surrogate.StepStabilityLimit,
            TrainLoss = surrogate.TrainLoss ?? [],
        };

    public DmftCurveSurrogate ConvertToSurrogate(in DmftCurve value) => new()
    {
        Steps = value.Steps,
        Loss = value.Loss,
        WeightNormPerWidth = value.WeightNormPerWidth,
        ModesUsed = value.ModesUsed,
        ModesExact = value.ModesExact,
        TimePoints = value.TimePoints,
        Iterations = value.Iterations,
        Residual = value.Residual,
        Solver = value.Solver,
        TimeGrid = value.TimeGrid,
        StepStabilityLimit = value.StepStabilityLimit,
        TrainLoss = value.TrainLoss,
    };
}

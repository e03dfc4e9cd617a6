using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>Converts <see cref="LossCurve"/> to and from its wire form; the arrays pass as they are, so the doubles are exact.</summary>
[RegisterConverter]
public sealed class LossCurveConverter : IConverter<LossCurve, LossCurveSurrogate>
{
    public LossCurve ConvertFromSurrogate(in LossCurveSurrogate surrogate) =>
        new(surrogate.Steps, surrogate.Loss, surrogate.WeightNormPerWidth) { TrainLoss = surrogate.TrainLoss ?? [] };

    public LossCurveSurrogate ConvertToSurrogate(in LossCurve value) => new()
    {
        Steps = value.Steps,
        Loss = value.Loss,
        WeightNormPerWidth = value.WeightNormPerWidth,
        TrainLoss = value.TrainLoss,
    };
}

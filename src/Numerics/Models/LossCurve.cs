namespace ScaleSweep.Numerics.Models;

/// <summary>
/// A recorded curve: Loss[i] is the population loss before update Steps[i] (Loss[0] at
/// initialisation). WeightNormPerWidth holds |w|^2 / N at the same steps for models that track it
/// (the linear network's spike, Fig. 12), else it is empty.
/// </summary>
public sealed record LossCurve(long[] Steps, double[] Loss, double[] WeightNormPerWidth)
{
    public int Count => Steps.Length;

    /// <summary>
    /// Training on a finite set of P samples (Appendix D): the train loss |Psi v0|^2 / P at the same steps,
    /// beside the test (population) loss in <see cref="Loss"/>. Empty for online training, where every
    /// batch is fresh and the two are the same in expectation.
    /// </summary>
    public double[] TrainLoss { get; init; } = [];
}

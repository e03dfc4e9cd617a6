namespace ScaleSweep.Numerics.Models;

/// <summary>
/// A recorded curve: Loss[i] is the population loss before update Steps[i] (Loss[0] at
/// initialisation). WeightNormPerWidth holds |w|^2 / N at the same steps for models that track it
/// (the linear network's spike, Fig. 12), else it is empty.
/// </summary>
public sealed record LossCurve(long[] Steps, double[] Loss, double[] WeightNormPerWidth)
{
    public int Count => Steps.Length;
}

using System.Globalization;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The last guard on a DMFT curve: a loss that is not finite, or past the simulations' divergence threshold,
/// means the SGD the equations describe diverges at this step size, and such a curve is never returned as a
/// prediction (nor written to JSON, which cannot hold infinity).
/// </summary>
public static class DmftDivergence
{
    /// <summary>
    /// <paramref name="curve"/> when its loss, train loss and |w|^2/N are finite and the losses at most
    /// <see cref="SimulationConfig.DivergenceThreshold"/>; otherwise throws <see cref="ArgumentOutOfRangeException"/>
    /// naming eta, with the first step where it happened.
    /// </summary>
    public static DmftCurve Checked(DmftCurve curve, double eta)
    {
        ArgumentNullException.ThrowIfNull(curve);
        for (int i = 0; i < curve.Steps.Length; i++)
        {
            double loss = curve.Loss[i];
            double train = curve.TrainLoss.Length > i ? curve.TrainLoss[i] : 0.0;
            if (!(loss <= SimulationConfig.DivergenceThreshold) || !(train <= SimulationConfig.DivergenceThreshold)
                || !double.IsFinite(curve.WeightNormPerWidth[i]))
            {
                string reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"the DMFT's loss is {loss:G3} at t = {curve.Steps[i]}, past the simulations' divergence threshold {SimulationConfig.DivergenceThreshold:G1}: the SGD it describes diverges at this step size; use a smaller eta");
                throw TheoryArguments.OutOfRange(eta, nameof(eta), "a step size at which the DMFT's SGD does not diverge", reason);
            }
        }

        return curve;
    }
}

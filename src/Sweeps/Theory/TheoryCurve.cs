namespace ScaleSweep.Sweeps.Theory;

/// <summary>A solved DMFT curve as it crosses the wire and lands in blob storage (see <see cref="Numerics.Theory.Dmft.DmftCurve"/>).</summary>
/// <param name="Steps">Recorded steps, the same log grid as the sweep's runs.</param>
/// <param name="Loss">Expected loss L(t) at each recorded step.</param>
/// <param name="WeightNormPerWidth">C_w(t, t) = |w(t)|^2 / N at each recorded step.</param>
/// <param name="Solver">Which equations were solved ("dmft-infinite (eq. 43-44)" or "dmft-finite (eq. 26-31)").</param>
/// <param name="ModesUsed">Representative modes summed over.</param>
/// <param name="ModesExact">True when the modes are the task itself (no quadrature).</param>
/// <param name="Iterations">Sweeps over the time grid.</param>
/// <param name="Residual">Largest relative defect of the closed equations (0 when not measured).</param>
/// <param name="Seconds">Wall-clock seconds the solve took.</param>
[GenerateSerializer, Immutable]
public sealed record TheoryCurve(
    [property: Id(0)] long[] Steps,
    [property: Id(1)] double[] Loss,
    [property: Id(2)] double[] WeightNormPerWidth,
    [property: Id(3)] string Solver,
    [property: Id(4)] int ModesUsed,
    [property: Id(5)] bool ModesExact,
    [property: Id(6)] int Iterations,
    [property: Id(7)] double Residual,
    [property: Id(8)] double Seconds);

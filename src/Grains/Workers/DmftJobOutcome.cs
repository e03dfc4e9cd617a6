using ScaleSweep.Numerics.Theory.Dmft;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Workers;

/// <summary>How a DMFT solve ended: with a curve, an error, or stopped on request (then neither).</summary>
/// <param name="Curve">The solved curve.</param>
/// <param name="Error">What the solver threw.</param>
/// <param name="Stopped">True when it was stopped before it finished.</param>
public sealed record DmftJobOutcome(DmftCurve? Curve, Exception? Error, bool Stopped, double Seconds = 0);

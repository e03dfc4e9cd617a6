using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Workers;

/// <summary>How a job ended.</summary>
/// <param name="Status">Completed or Diverged when the simulation ended; null when the job was stopped or threw.</param>
/// <param name="Curve">The recorded curve of an ended simulation.</param>
/// <param name="DivergedAtStep">The step of divergence.</param>
/// <param name="Final">A snapshot taken when the job was stopped, so the run can continue from there.</param>
/// <param name="Error">The exception of a job that threw.</param>
/// <param name="Step">The last step reached.</param>
/// <param name="ComputeSeconds">Worker seconds of this job plus those of the runs it continued.</param>
public sealed record RunJobOutcome(
    SimulationStatus? Status,
    LossCurve? Curve,
    long? DivergedAtStep,
    RunJobCheckpoint? Final,
    Exception? Error,
    long Step,
    double ComputeSeconds);

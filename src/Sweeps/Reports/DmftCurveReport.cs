namespace ScaleSweep.Sweeps.Reports;

/// <summary>One DMFT theory curve of a sweep, drawn dashed beside the groups that link to it by <see cref="Key"/>.</summary>
/// <param name="Key">The curve's content address (64 hex digits); groups name it in <see cref="GroupReport.TheoryCurve"/>.</param>
/// <param name="Config">The model and numerics it was solved for.</param>
/// <param name="Status">"completed", "failed" or "missing" (not computed when the report was built, e.g. a cancelled sweep).</param>
/// <param name="Solver">Which equations: "dmft-infinite (eq. 43-44)" or "dmft-finite (eq. 26-31)"; null without a curve.</param>
/// <param name="Steps">Recorded steps (the runs' log grid); empty without a curve.</param>
/// <param name="Loss">Expected loss L(t) at each step; empty without a curve.</param>
/// <param name="ModesUsed">Representative modes summed over.</param>
/// <param name="ModesExact">True when every mode of the task was summed (no quadrature).</param>
/// <param name="Iterations">Sweeps over the time grid (1: forward substitution).</param>
/// <param name="Residual">Largest relative defect of the equations (0 when not measured).</param>
/// <param name="Seconds">Wall-clock seconds of the solve.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="TrainLoss">The expected train loss of an eq. 41 curve at <paramref name="Steps"/>; null online.</param>
[GenerateSerializer, Immutable]
public sealed record DmftCurveReport(
    [property: Id(0)] string Key,
    [property: Id(1)] DmftCurveConfig Config,
    [property: Id(2)] string Status,
    [property: Id(3)] string? Solver,
    [property: Id(4)] long[] Steps,
    [property: Id(5)] double[] Loss,
    [property: Id(6)] int? ModesUsed,
    [property: Id(7)] bool? ModesExact,
    [property: Id(8)] int? Iterations,
    [property: Id(9)] double? Residual,
    [property: Id(10)] double? Seconds,
    [property: Id(11)] string? Error,
    [property: Id(12)] double[]? TrainLoss = null);

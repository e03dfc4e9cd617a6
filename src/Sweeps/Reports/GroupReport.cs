using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>One configuration's loss curve, averaged over its seeds, with its fit and the theory.</summary>
/// <param name="Config">The group's parameters.</param>
/// <param name="Steps">Recorded steps.</param>
/// <param name="Mean">Seed mean of the loss at each step.</param>
/// <param name="Sem">Standard error of that mean (0 with a single seed).</param>
/// <param name="Seeds">Seeds that entered the mean (diverged ones do not).</param>
/// <param name="Diverged">Seeds that diverged.</param>
/// <param name="Fit">The fitted time exponent, or null (see <paramref name="FitError"/>).</param>
/// <param name="FitError">Why there is no fit.</param>
/// <param name="Theory">The paper's time exponent chi for this (beta, gamma).</param>
/// <param name="Missing">Seeds without a curve: failed, cancelled, or not finished when the report was built.</param>
/// <param name="TheoryCurve">Key of the group's DMFT theory curve in <see cref="SweepReport.TheoryCurves"/>; null without "theory".</param>
/// <param name="TrainMean">On a finite training set, the seed mean of the train loss at <paramref name="Steps"/>; null online.</param>
/// <param name="TrainSem">Its standard error; null online.</param>
/// <param name="OverfitStep">
/// On a finite training set, the recorded step where the seed-mean test loss is lowest, when the last recorded
/// test loss is above that minimum by more than twice the two points' standard errors combined (the test loss
/// stopped falling and rose again: the onset of overfitting); null online or while it has not happened.
/// </param>
/// <param name="WeightNormMean">For the linear network, the seed mean of |w|^2 / N at <paramref name="Steps"/> (the spike of Fig. 12); null for the projected model.</param>
/// <param name="WeightNormSem">Its standard error; null for the projected model.</param>
/// <param name="Floor">
/// The exact t -&gt; infinity loss of the group's seeds, the floor under its curve (<see cref="SweepFloors"/>); null for
/// the linear network or when the report left floors out (<see cref="SweepReport.FloorsSkipped"/>).
/// </param>
[GenerateSerializer, Immutable]
public sealed record GroupReport(
    [property: Id(0)] GroupConfig Config,
    [property: Id(1)] long[] Steps,
    [property: Id(2)] double[] Mean,
    [property: Id(3)] double[] Sem,
    [property: Id(4)] int Seeds,
    [property: Id(5)] int Diverged,
    [property: Id(6)] FitReport? Fit,
    [property: Id(7)] string? FitError,
    [property: Id(8)] PredictedExponent Theory,
    [property: Id(9)] int Missing = 0,
    [property: Id(10)] string? TheoryCurve = null,
    [property: Id(11)] double[]? TrainMean = null,
    [property: Id(12)] double[]? TrainSem = null,
    [property: Id(13)] long? OverfitStep = null,
    [property: Id(14)] double[]? WeightNormMean = null,
    [property: Id(15)] double[]? WeightNormSem = null,
    [property: Id(16)] GroupFloor? Floor = null);

using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// One group's part of a sweep's report (<see cref="GroupOutcome"/>): its seeds counted, averaged and fitted
/// in seed order. Pure and deterministic: a group grain builds it once its seeds are final, and
/// <see cref="SweepReportBuilder.Build"/> builds it the same way from a whole sweep's results, bit for bit.
/// </summary>
public static class GroupAggregator
{
    /// <summary>Aggregates the group <paramref name="config"/> of <paramref name="spec"/>.</summary>
    /// <param name="spec">The sweep's spec (its model, fit window and theory).</param>
    /// <param name="config">The group.</param>
    /// <param name="runs">The group's runs in seed order.</param>
    /// <param name="results">Results by run key; a run without one counts as pending and is missing from the mean.</param>
    public static GroupOutcome Aggregate(
        SweepSpec spec, GroupConfig config, IReadOnlyList<SimulationConfig> runs, IReadOnlyDictionary<string, RunResult> results)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(results);
        var tally = new RunTally();
        var issues = new List<RunIssue>();
        var curves = new List<SeedCurve>(runs.Count);
        var trainCurves = new List<SeedCurve>(runs.Count);
        var normCurves = new List<SeedCurve>(runs.Count);
        var stored = new List<StoredSeedCurve>(runs.Count);
        int missing = 0;
        foreach (SimulationConfig run in runs)
        {
            results.TryGetValue(run.Fingerprint(), out RunResult? result);
            tally.Add(result?.Progress.Status);
            if (CurveOf(result, run.Seed) is { } curve)
            {
                curves.Add(curve.ToSeedCurve());
                if (curve.ToTrainCurve() is { } train)
                {
                    trainCurves.Add(train);
                }

                if (curve.ToWeightNormCurve() is { } norm)
                {
                    normCurves.Add(norm);
                }

                stored.Add(curve);
            }
            else
            {
                missing++;
            }

            if (result is not null && IssueOf(result, config) is { } issue)
            {
                issues.Add(issue);
            }
        }

        (long T0, long T1)? window = spec.FitWindow is { } w ? (w.T0, w.T1) : null;
        GroupReport report = BuildGroup(config, curves, missing, spec.Model, window);
        if (config.P is not null && report.Seeds > 0)
        {
            report = WithTrainLoss(report, trainCurves);
        }

        if (spec.Model == ModelKind.LinearNetwork && report.Seeds > 0 && Aggregate(normCurves, report) is { } norms)
        {
            report = report with { WeightNormMean = norms.Mean.ToArray(), WeightNormSem = norms.Sem.ToArray() };
        }

        if (DmftCurvePlan.For(spec, config) is { } request)
        {
            report = report with { TheoryCurve = request.Key() };
        }

        return new GroupOutcome(report, tally.ToCounts(), issues.ToArray(), stored.ToArray());
    }

    /// <summary>The seed's curve if it enters the group: completed, or diverged (flagged, so it is counted and left out).</summary>
    /// <remarks>A run still in progress may carry a partial curve on a shorter step grid; it is not averaged.</remarks>
    private static StoredSeedCurve? CurveOf(RunResult? result, ulong seed) => result switch
    {
        { Progress.Status: RunStatus.Completed, Curve: { } c } => new StoredSeedCurve(c.Steps, c.Loss, false, seed, TrainOf(c), NormOf(c)),
        { Progress.Status: RunStatus.Diverged } r => new StoredSeedCurve(
            r.Curve?.Steps ?? [], r.Curve?.Loss ?? [], true, seed, r.Curve is { } c ? TrainOf(c) : null, r.Curve is { } d ? NormOf(d) : null),
        _ => null,
    };

    private static double[]? TrainOf(LossCurve curve) => curve.TrainLoss.Length > 0 ? curve.TrainLoss : null;

    private static double[]? NormOf(LossCurve curve) => curve.WeightNormPerWidth.Length > 0 ? curve.WeightNormPerWidth : null;

    /// <summary>
    /// The train-loss mean beside the test loss, and the onset of overfitting. A group on a finite set whose
    /// seeds lack a train loss (or disagree with the test curves' steps) keeps its test report as it is.
    /// </summary>
    private static GroupReport WithTrainLoss(GroupReport report, List<SeedCurve> trainCurves) =>
        Aggregate(trainCurves, report) is { } train
            ? report with
            {
                TrainMean = train.Mean.ToArray(),
                TrainSem = train.Sem.ToArray(),
                OverfitStep = OverfitStep(report.Steps, report.Mean, report.Sem),
            }
            : report;

    /// <summary>
    /// The seed mean of a quantity recorded beside the loss (train loss, |w|^2 / N), over the same seeds and steps
    /// as the report's loss; null when the seeds lack it or disagree with the loss curves' steps.
    /// </summary>
    private static SeedAggregateResult? Aggregate(List<SeedCurve> curves, GroupReport report)
    {
        SeedAggregateResult aggregate;
        try
        {
            aggregate = SeedAggregate.Compute(curves);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return aggregate.Used == report.Seeds && aggregate.Steps.SequenceEqual(report.Steps) ? aggregate : null;
    }

    /// <summary>See <see cref="GroupReport.OverfitStep"/>: the minimum of the test mean, if the end is significantly above it.</summary>
    internal static long? OverfitStep(long[] steps, double[] mean, double[] sem)
    {
        int last = mean.Length - 1;
        if (last < 1)
        {
            return null;
        }

        int best = 0;
        for (int k = 1; k <= last; k++)
        {
            if (mean[k] < mean[best])
            {
                best = k;
            }
        }

        double noise = Math.Sqrt(sem[best] * sem[best] + sem[last] * sem[last]);
        return best < last && mean[last] - mean[best] > 2.0 * noise ? steps[best] : null;
    }

    private static RunIssue? IssueOf(RunResult result, GroupConfig config)
    {
        RunProgress progress = result.Progress;
        return progress.Status switch
        {
            RunStatus.Diverged => new RunIssue(progress.Key, config, result.Config.Seed, "diverged", progress.DivergedAtStep, progress.Error),
            RunStatus.Failed => new RunIssue(progress.Key, config, result.Config.Seed, "failed", null, progress.Error ?? "no reason recorded"),
            _ => null,
        };
    }

    private static GroupReport BuildGroup(GroupConfig c, List<SeedCurve> curves, int missing, ModelKind model, (long T0, long T1)? window)
    {
        PredictedExponent theory = PredictedExponents.Time(model, c);
        SeedAggregateResult aggregate;
        try
        {
            aggregate = SeedAggregate.Compute(curves);
        }
        catch (ArgumentException e)
        {
            int diverged = curves.Count(s => s.Diverged);
            return new GroupReport(c, [], [], [], 0, diverged, null, "The seeds cannot be averaged: " + e.Message, theory, missing);
        }

        (FitReport? fit, string? fitError) = FitGroup(curves, missing, aggregate, window);
        return new GroupReport(
            c,
            aggregate.Steps.ToArray(),
            aggregate.Mean.ToArray(),
            aggregate.Sem.ToArray(),
            aggregate.Used,
            aggregate.Diverged,
            fit,
            fitError,
            theory,
            missing);
    }

    private static (FitReport? Fit, string? Error) FitGroup(List<SeedCurve> curves, int missing, SeedAggregateResult aggregate, (long T0, long T1)? window)
    {
        if (aggregate.Used == 0)
        {
            string reason = aggregate.Diverged > 0
                ? $"All {aggregate.Diverged} seeds with a curve diverged ({missing} without a curve); there is no curve to fit."
                : $"No seed has completed ({missing} without a curve); there is no curve to fit.";
            return (null, reason);
        }

        try
        {
            PowerLawFitResult fit = PowerLawFit.FitSeeds(curves, window);
            if (!double.IsFinite(fit.Exponent) || !double.IsFinite(fit.Intercept))
            {
                return (null, $"The fit over steps {fit.Window.T0}..{fit.Window.T1} gave a non-finite exponent.");
            }

            return (new FitReport(fit.Exponent, ReportValues.Interval(fit.Ci), [fit.Window.T0, fit.Window.T1], fit.Intercept, fit.Points), null);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
    }
}

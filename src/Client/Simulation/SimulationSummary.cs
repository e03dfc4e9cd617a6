using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Client.Simulation;

/// <summary>
/// What the simulate command reports: the seed mean with its error bars, the power-law fit, and the
/// diverged seeds, all computed by the numerics library's analysis.
/// </summary>
/// <param name="Runs">Every seed, in seed order.</param>
/// <param name="Aggregate">Mean and SEM over the seeds that did not diverge.</param>
/// <param name="WeightNormMean">Mean of |w|^2 / N over the same seeds, for models that record it; else null.</param>
/// <param name="Fit">The fitted decay rate, or null when no fit was possible (see <paramref name="FitError"/>).</param>
/// <param name="FitError">Why there is no fit, when <paramref name="Fit"/> is null.</param>
internal sealed record SimulationSummary(
    IReadOnlyList<SeedRun> Runs,
    SeedAggregateResult Aggregate,
    IReadOnlyList<double>? WeightNormMean,
    PowerLawFitResult? Fit,
    string? FitError)
{
    /// <summary>On a finite training set, mean and SEM of the train loss over the same seeds and steps; else null.</summary>
    public SeedAggregateResult? Train { get; init; }

    public IEnumerable<SeedRun> DivergedRuns => Runs.Where(r => r.Diverged);

    public static SimulationSummary From(IReadOnlyList<SeedRun> runs, (long T0, long T1)? window) =>
        Summarize(runs, window) with { Train = TrainOf(runs) };

    private static SeedAggregateResult? TrainOf(IReadOnlyList<SeedRun> runs)
    {
        if (!runs.Any(r => r.Curve.TrainLoss.Length > 0))
        {
            return null;
        }

        SeedAggregateResult train = SeedAggregate.Compute(runs.Select(r => new SeedCurve(r.Curve.Steps, r.Curve.TrainLoss, r.Diverged)).ToArray());
        return train.Used > 0 ? train : null;
    }

    private static SimulationSummary Summarize(IReadOnlyList<SeedRun> runs, (long T0, long T1)? window)
    {
        SeedCurve[] curves = runs.Select(r => new SeedCurve(r.Curve.Steps, r.Curve.Loss, r.Diverged)).ToArray();
        SeedAggregateResult aggregate = SeedAggregate.Compute(curves);

        IReadOnlyList<double>? weightNorm = null;
        if (aggregate.Used > 0 && runs.Any(r => r.Curve.WeightNormPerWidth.Length > 0))
        {
            SeedCurve[] norms = runs
                .Select(r => new SeedCurve(r.Curve.Steps, r.Curve.WeightNormPerWidth, r.Diverged))
                .ToArray();
            weightNorm = SeedAggregate.Compute(norms).Mean;
        }

        if (aggregate.Used == 0)
        {
            return new SimulationSummary(runs, aggregate, weightNorm, null, $"all {aggregate.Diverged} seeds diverged");
        }

        try
        {
            return new SimulationSummary(runs, aggregate, weightNorm, PowerLawFit.FitSeeds(curves, window), null);
        }
        catch (ArgumentException e)
        {
            return new SimulationSummary(runs, aggregate, weightNorm, null, e.Message);
        }
    }
}

using MathNet.Numerics.Statistics;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Averages the seeds of one configuration into a mean curve with error bars.
/// </summary>
public static class SeedAggregate
{
    /// <summary>
    /// Mean and standard error of the loss at every recorded step over the seeds not flagged diverged.
    /// </summary>
    /// <remarks>
    /// When every seed diverged (or the list is empty) the result has <c>Used = 0</c> and empty
    /// curves instead of throwing: a sweep report must still be able to list such a configuration.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The used seeds do not share the same steps (the message names both seeds and the first
    /// difference), a curve's lengths disagree, or a seed not flagged diverged has a non-finite loss.
    /// </exception>
    public static SeedAggregateResult Compute(IReadOnlyList<SeedCurve> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        int[] used = UsedSeeds(seeds, out int diverged);
        if (used.Length == 0)
        {
            return new SeedAggregateResult([], [], [], 0, diverged);
        }

        IReadOnlyList<long> steps = seeds[used[0]].Steps;
        var mean = new double[steps.Count];
        var sem = new double[steps.Count];
        var column = new double[used.Length];
        for (int k = 0; k < steps.Count; k++)
        {
            for (int j = 0; j < used.Length; j++)
            {
                column[j] = seeds[used[j]].Loss[k];
            }

            if (used.Length == 1)
            {
                mean[k] = column[0];
                continue;
            }

            (double m, double sd) = ArrayStatistics.MeanStandardDeviation(column);
            mean[k] = m;
            sem[k] = sd / Math.Sqrt(used.Length);
        }

        return new SeedAggregateResult(steps.ToArray(), mean, sem, used.Length, diverged);
    }

    /// <summary>
    /// Indices of the seeds not flagged diverged, after checking that they share one step grid
    /// and hold finite losses; shared with the bootstraps, which resample these indices.
    /// </summary>
    internal static int[] UsedSeeds(IReadOnlyList<SeedCurve> seeds, out int diverged)
    {
        var used = new List<int>(seeds.Count);
        diverged = 0;
        for (int i = 0; i < seeds.Count; i++)
        {
            SeedCurve seed = seeds[i] ?? throw new ArgumentException($"Seed {i} is null.", nameof(seeds));
            if (seed.Diverged)
            {
                diverged++;
            }
            else
            {
                used.Add(i);
            }
        }

        if (used.Count == 0)
        {
            return [];
        }

        int reference = used[0];
        IReadOnlyList<long> steps = seeds[reference].Steps;
        CurveChecks.RequireCurve(steps, seeds[reference].Loss, $"Seed {reference}");
        foreach (int i in used)
        {
            SeedCurve seed = seeds[i];
            if (i != reference)
            {
                RequireSameSteps(seed, i, steps, reference);
            }

            for (int k = 0; k < steps.Count; k++)
            {
                if (!double.IsFinite(seed.Loss[k]))
                {
                    throw new ArgumentException(
                        $"Seed {i} is not flagged diverged but its loss at step {steps[k]} is {seed.Loss[k]}.",
                        nameof(seeds));
                }
            }
        }

        return used.ToArray();
    }

    private static void RequireSameSteps(SeedCurve seed, int index, IReadOnlyList<long> steps, int reference)
    {
        if (seed.Steps.Count != steps.Count)
        {
            throw new ArgumentException(
                $"Seed {index} records {seed.Steps.Count} steps but seed {reference} records {steps.Count}; "
                + "seeds of one configuration must share the same recorded steps.");
        }

        if (seed.Loss.Count != steps.Count)
        {
            throw new ArgumentException($"Seed {index} has {steps.Count} steps but {seed.Loss.Count} loss values.");
        }

        for (int k = 0; k < steps.Count; k++)
        {
            if (seed.Steps[k] != steps[k])
            {
                throw new ArgumentException(
                    $"Seed {index} records step {seed.Steps[k]} at index {k} where seed {reference} records "
                    + $"step {steps[k]}; seeds of one configuration must share the same recorded steps.");
            }
        }
    }
}

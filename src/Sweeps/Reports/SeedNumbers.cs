namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// The seed of each curve of a group's stored outcome. Outcomes stored since <see cref="StoredSeedCurve.Seed"/>
/// was added carry it; older ones are matched to the spec's seeds by position, which is exact because
/// <see cref="GroupAggregator"/> keeps the spec's seed order and skips only seeds without a curve.
/// </summary>
public static class SeedNumbers
{
    /// <summary>The outcome's curves, each with its seed.</summary>
    /// <param name="outcome">A group's stored outcome.</param>
    /// <param name="specSeeds">The spec's seeds, in its order.</param>
    /// <exception cref="InvalidOperationException">
    /// An old outcome whose curves cannot be matched to seeds: a seed other than a failed one has no curve
    /// (cancelled, or completed without a stored curve), so the positions are ambiguous.
    /// </exception>
    public static StoredSeedCurve[] Resolve(GroupOutcome outcome, IReadOnlyList<ulong> specSeeds)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(specSeeds);
        if (outcome.Seeds.All(s => s.Seed is not null))
        {
            return outcome.Seeds;
        }

        // The skipped seeds an old outcome names are its failed ones (its issues); the others must all have curves.
        var failed = outcome.Issues.Where(i => i.Status == "failed").Select(i => i.Seed).ToHashSet();
        var diverged = outcome.Issues.Where(i => i.Status == "diverged").Select(i => i.Seed).ToHashSet();
        ulong[] withCurves = specSeeds.Where(s => !failed.Contains(s)).ToArray();
        if (withCurves.Length != outcome.Seeds.Length
            || withCurves.Where((s, i) => diverged.Contains(s) != outcome.Seeds[i].Diverged).Any())
        {
            throw new InvalidOperationException(
                $"The group's {outcome.Seeds.Length} stored curves were stored without their seeds and cannot be matched to "
                + $"the spec's {specSeeds.Count} seeds ({failed.Count} failed).");
        }

        return outcome.Seeds.Select((s, i) => s with { Seed = withCurves[i] }).ToArray();
    }
}

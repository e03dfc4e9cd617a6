using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>Which seed each stored curve of a group belongs to, for seeds.csv: stored with it, or recovered for outcomes stored before.</summary>
public sealed class SeedNumbersTests
{
    [Fact]
    public void TheAggregateStoresEachCurvesSeedAndSkipsSeedsWithoutACurve()
    {
        (SweepSpec spec, GroupOutcome outcome) = Outcome();

        StoredSeedCurve[] seeds = SeedNumbers.Resolve(outcome, spec.Seeds);

        Assert.Equal([5UL, 9UL, 2UL], seeds.Select(s => s.Seed!.Value));
        Assert.Equal([false, true, false], seeds.Select(s => s.Diverged));
    }

    [Fact]
    public void AnOutcomeStoredWithoutSeedsGetsTheSpecsSeedsBesidesItsFailedOnesInOrder()
    {
        (SweepSpec spec, GroupOutcome outcome) = Outcome();
        GroupOutcome old = outcome with { Seeds = outcome.Seeds.Select(s => s with { Seed = null }).ToArray() };

        StoredSeedCurve[] seeds = SeedNumbers.Resolve(old, spec.Seeds);

        Assert.Equal(SeedNumbers.Resolve(outcome, spec.Seeds), seeds);
    }

    [Fact]
    public void AnOutcomeStoredWithoutSeedsThatLacksTheCurveOfAnotherSeedIsRefused()
    {
        (SweepSpec spec, GroupOutcome outcome) = Outcome();
        GroupOutcome old = outcome with { Seeds = outcome.Seeds.Skip(1).Select(s => s with { Seed = null }).ToArray() };

        var error = Assert.Throws<InvalidOperationException>(() => SeedNumbers.Resolve(old, spec.Seeds));
        Assert.Contains("cannot be matched", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One group of seeds 5, 7 (failed), 9 (diverged), 2: not in numeric order, so order and seed are not confused.</summary>
    private static (SweepSpec Spec, GroupOutcome Outcome) Outcome()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.0], n: [16], seeds: [5, 7, 9, 2]);
        SimulationConfig[] runs = SweepGrid.RunsOf(spec, 0);
        var results = runs.Select(c => c.Seed switch
        {
            7 => ReportFixtures.Failed(c, "boom"),
            9 => ReportFixtures.Diverged(c, 300),
            _ => ReportFixtures.Completed(c, t => Math.Pow(t + 1, -0.5)),
        }).ToDictionary(r => r.Progress.Key, StringComparer.Ordinal);
        return (spec, GroupAggregator.Aggregate(spec, SweepGrid.GroupAt(spec, 0), runs, results));
    }
}

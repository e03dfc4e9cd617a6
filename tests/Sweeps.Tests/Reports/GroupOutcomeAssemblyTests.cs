using System.Text.Json;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>
/// The report assembled from group outcomes, as group grains build them (their runs from
/// <see cref="SweepGrid.RunsOf"/>, results gathered in any order in a <see cref="GroupBook"/>), equals the
/// report built from every run's result at once, bit for bit.
/// </summary>
public sealed class GroupOutcomeAssemblyTests
{
    [Fact]
    public void OutcomesBuiltGroupByGroupAssembleToTheReportOfAllResults()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.0, 1.0], n: [16, 32, 64, 128], seeds: [1, 2, 3, 4]);
        List<RunResult> results = spec.Grid().Runs
            .Select(c => (c.Seed, c.N) switch
            {
                (2, 32) => ReportFixtures.Diverged(c, 300),
                (3, 64) => ReportFixtures.Failed(c, "boom"),
                _ => ReportFixtures.Completed(c, t => (Math.Pow(t + 1, -0.5) + Math.Pow(c.N, -0.8)) * ReportFixtures.Noise(c.Seed, t)),
            })
            .ToList();
        var byKey = results.ToDictionary(r => r.Progress.Key, StringComparer.Ordinal);

        SweepGrid grid = spec.Grid();
        var outcomes = new GroupOutcome[grid.Groups.Count];
        for (int g = 0; g < outcomes.Length; g++)
        {
            SimulationConfig[] runs = SweepGrid.RunsOf(spec, g);
            var book = new GroupBook(g, runs);
            foreach (SimulationConfig run in runs.Reverse())
            {
                RunResult result = byKey[run.Fingerprint()];
                Assert.True(book.Record(result.Progress, result.Curve));
            }

            Assert.True(book.AllFinal);
            var gathered = book.Results().ToDictionary(r => r.Progress.Key, StringComparer.Ordinal);
            outcomes[g] = GroupAggregator.Aggregate(spec, SweepGrid.GroupAt(spec, g), runs, gathered);
        }

        string assembled = JsonSerializer.Serialize(SweepReportBuilder.Assemble("id", spec, grid, outcomes, floors: SweepFloors.Compute(grid)));
        string built = JsonSerializer.Serialize(SweepReportBuilder.Build("id", spec, results));
        Assert.Equal(built, assembled);
        Assert.Contains("\"diverged\"", built, StringComparison.Ordinal);
        Assert.NotEmpty(SweepReportBuilder.Build("id", spec, results).Frontiers);
    }

    [Fact]
    public void AssemblyRefusesOutcomesThatAreNotOnePerGroup()
    {
        SweepSpec spec = ReportFixtures.Spec();
        var error = Assert.Throws<ArgumentException>(() => SweepReportBuilder.Assemble("id", spec, spec.Grid(), []));
        Assert.Contains("2 groups", error.Message, StringComparison.Ordinal);
    }
}

using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Grid;

/// <summary>The one grid walk against plain nested loops over the spec's seven lists.</summary>
public sealed class SweepGridTests
{
    // Two or three values in every dimension, so a wrong nesting order or stride shows.
    private static readonly SweepSpec Spec = new(
        "grid", ModelKind.Projected, [1.5, 2.0], [0.4, 1.2], [0.0, 0.5, 1.0], [16, 32, 64], [null, 8], [0.05, 0.1], 500, 200,
        [7, 3], 10, null, null);

    [Fact]
    public void Runs_are_the_seven_nested_loops_with_the_seed_fastest()
    {
        var expected = new List<SimulationConfig>();
        foreach (double alpha in Spec.Alpha)
        foreach (double beta in Spec.Beta)
        foreach (double gamma in Spec.Gamma)
        foreach (int n in Spec.N)
        foreach (long? b in Spec.B)
        foreach (double eta in Spec.Eta)
        foreach (ulong seed in Spec.Seeds)
        {
            expected.Add(new SimulationConfig(Spec.Model, alpha, beta, Spec.M, gamma, n, b, eta, Spec.Steps, seed, Spec.PointsPerDecade));
        }

        Assert.Equal(expected, Spec.Grid().Runs);
        Assert.Equal(Spec.RunCount, Spec.Grid().Runs.Count);
    }

    [Fact]
    public void Group_g_holds_exactly_runs_g_S_to_g_S_plus_S_minus_1()
    {
        SweepGrid grid = Spec.Grid();
        Assert.Equal(Spec.RunCount / Spec.Seeds.Length, grid.Groups.Count);
        Assert.Equal(grid.Groups.Count, grid.Groups.Distinct().Count());
        for (int run = 0; run < grid.Runs.Count; run++)
        {
            int g = grid.GroupOfRun(run);
            Assert.Equal(run / Spec.Seeds.Length, g);
            Assert.Equal(grid.Groups[g], SweepGrid.GroupOf(grid.Runs[run]));
            Assert.Equal(Spec.Seeds[run % Spec.Seeds.Length], grid.Runs[run].Seed);
        }
    }

    [Fact]
    public void Each_frontier_names_the_group_of_every_width_in_the_specs_order()
    {
        SweepGrid grid = Spec.Grid();
        var expected = new List<FrontierConfig>();
        foreach (double alpha in Spec.Alpha)
        foreach (double beta in Spec.Beta)
        foreach (double gamma in Spec.Gamma)
        foreach (long? b in Spec.B)
        foreach (double eta in Spec.Eta)
        {
            expected.Add(new FrontierConfig(alpha, beta, gamma, b, eta));
        }

        Assert.Equal(expected, grid.Frontiers.Select(f => f.Config));
        foreach (GridFrontier frontier in grid.Frontiers)
        {
            Assert.Equal(Spec.N, frontier.Widths.Select(w => w.N));
            foreach (GridWidth width in frontier.Widths)
            {
                FrontierConfig c = frontier.Config;
                Assert.Equal(new GroupConfig(c.Alpha, c.Beta, c.Gamma, width.N, c.B, c.Eta, Spec.M, Spec.Steps), grid.Groups[width.Group]);
            }
        }
    }

    [Fact]
    public void One_width_has_no_frontier()
    {
        Assert.Empty((Spec with { N = [64] }).Grid().Frontiers);
    }

    [Fact]
    public void Groups_and_frontiers_need_no_expansion_of_the_runs()
    {
        // 10^12 runs: far beyond any cap, yet the validator may ask for the groups before it checks the count.
        SweepSpec huge = Spec with { Seeds = Enumerable.Range(0, 1_000_000).Select(s => (ulong)s).ToArray(), N = Enumerable.Range(1, 1000).ToArray() };
        SweepGrid grid = huge.Grid();
        Assert.Equal(2 * 2 * 3 * 1000 * 2 * 2, grid.Groups.Count);
        Assert.Equal(2 * 2 * 3 * 2 * 2, grid.Frontiers.Count);
    }

    [Fact]
    public void EveryGroupsRunsFoundByItsIndexAreThatSliceOfTheWholeWalk()
    {
        SweepSpec spec = Tests.Specs.TestSpecs.Parse(Tests.Specs.TestSpecs.Valid) with { Alpha = [1.5, 2.0, 3.0], Eta = [0.05, 0.1] };
        SweepGrid grid = spec.Grid();
        Assert.Equal(96, grid.Groups.Count);
        for (int g = 0; g < grid.Groups.Count; g++)
        {
            Assert.Equal(grid.Groups[g], SweepGrid.GroupAt(spec, g));
            Assert.Equal(grid.Runs.Skip(g * grid.SeedsPerGroup).Take(grid.SeedsPerGroup), SweepGrid.RunsOf(spec, g));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SweepGrid.GroupAt(spec, 96));
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepGrid.GroupAt(spec, -1));
    }
}

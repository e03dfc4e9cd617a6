using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>The spec field "P" (training-set sizes, Appendix D): what it accepts, what it refuses and how it enters the grid.</summary>
public sealed class FiniteDataSpecTests
{
    private const string PRange = "P must be an integer from 1 to 100000000";
    private const string BForP = "on a finite training set B must be an integer from 1 to P";

    /// <summary>The valid spec on training sets of 32 and 64 samples, full batch ("inf") and B = 16.</summary>
    private static string Finite(string p = "[32, 64]", string b = "[16, \"inf\"]")
    {
        var json = TestSpecs.ValidObject();
        json["P"] = System.Text.Json.Nodes.JsonNode.Parse(p);
        json["B"] = System.Text.Json.Nodes.JsonNode.Parse(b);
        json.Remove("fitWindow");
        return json.ToJsonString();
    }

    [Fact]
    public void A_spec_without_P_keeps_its_runs_and_its_id()
    {
        SweepSpec online = TestSpecs.Parse(TestSpecs.Valid);
        SweepSpec explicitInf = TestSpecs.Parse(TestSpecs.With("P", "\"inf\""));
        Assert.Null(online.P);
        Assert.False(explicitInf.HasFiniteData);
        Assert.Equal(online.Id(), explicitInf.Id());
        Assert.Equal(online.Grid().Runs, explicitInf.Grid().Runs);
        Assert.All(online.Grid().Runs, r => Assert.Null(r.P));
    }

    [Fact]
    public void Inf_in_B_is_the_full_batch_on_each_training_set()
    {
        SweepSpec spec = TestSpecs.Parse(Finite());
        Assert.Equal(spec.RunCount, spec.Grid().Runs.Count);
        Assert.Equal(64 * 2, spec.RunCount);
        var pairs = spec.Grid().Groups.Select(g => (g.P, g.B)).Distinct().ToArray();
        Assert.Equal([(32L, 16L), (32L, 32L), (64L, 16L), (64L, 64L)], pairs.Select(p => (p.P!.Value, p.B!.Value)).ToArray());
        Assert.All(spec.Grid().Runs, r => Assert.True(r.IsFiniteData));
    }

    [Fact]
    public void P_and_inf_mix_in_one_grid_and_the_online_runs_are_the_online_spec_runs()
    {
        SweepSpec mixed = TestSpecs.Parse(Finite("[32, \"inf\"]", "[16, \"inf\"]"));
        SweepSpec online = TestSpecs.Parse(Finite("\"inf\"", "[16, \"inf\"]"));
        HashSet<string> mixedKeys = mixed.Grid().Runs.Select(r => r.Fingerprint()).ToHashSet();
        Assert.All(online.Grid().Runs, r => Assert.Contains(r.Fingerprint(), mixedKeys));
        Assert.Equal(2 * online.RunCount, mixed.RunCount);
    }

    [Fact]
    public void Every_group_found_by_its_index_is_the_one_of_the_walk()
    {
        SweepSpec spec = TestSpecs.Parse(Finite("[32, \"inf\", 64]", "[16, \"inf\"]"));
        SweepGrid grid = spec.Grid();
        for (int g = 0; g < grid.Groups.Count; g++)
        {
            Assert.Equal(grid.Groups[g], SweepGrid.GroupAt(spec, g));
            Assert.Equal(grid.Runs.Skip(g * grid.SeedsPerGroup).Take(grid.SeedsPerGroup), SweepGrid.RunsOf(spec, g));
            Assert.Equal(grid.Groups[g], SweepGrid.GroupOf(grid.Runs[g * grid.SeedsPerGroup]));
        }

        foreach (GridFrontier frontier in grid.Frontiers)
        {
            foreach (GridWidth width in frontier.Widths)
            {
                GroupConfig group = grid.Groups[width.Group];
                Assert.Equal((frontier.Config.P, frontier.Config.B, width.N), (group.P, group.B, group.N));
            }
        }
    }

    [Fact]
    public void A_data_scaling_line_per_configuration_over_the_finite_P()
    {
        SweepSpec spec = TestSpecs.Parse(Finite("[32, \"inf\", 64]", "[16, \"inf\"]"));
        SweepGrid grid = spec.Grid();

        // alpha x beta x gamma x N x B x eta = 1 x 2 x 2 x 2 x 2 x 1 lines, each over P = 32 and 64 (not "inf").
        Assert.Equal(16, grid.DataScaling.Count);
        foreach (GridDataScaling line in grid.DataScaling)
        {
            Assert.Equal([32L, 64L], line.Samples.Select(s => s.P));
            foreach (GridSamples size in line.Samples)
            {
                GroupConfig group = grid.Groups[size.Group];
                Assert.Equal(size.P, group.P);
                Assert.Equal(line.Config.B ?? size.P, group.B);
                Assert.Equal((line.Config.N, line.Config.Gamma, line.Config.Beta), (group.N, group.Gamma, group.Beta));
            }
        }

        Assert.Empty(TestSpecs.Parse(Finite("[32]")).Grid().DataScaling);
    }

    [Theory]
    [InlineData("[0]", "P[0]", "0 is out of range")]
    [InlineData("[32, -1]", "P[1]", "-1 is out of range")]
    [InlineData("100000001", "P", "100000001 is out of range")]
    [InlineData("[32.5]", "P[0]", "32.5 is not an integer")]
    [InlineData("[\"many\"]", "P[0]", "\"many\" is not a training-set size")]
    [InlineData("[32, 32]", "P[1]", "32 repeats P[0]")]
    [InlineData("[]", "P", "[] is empty")]
    public void A_bad_P_is_refused_naming_the_entry_and_the_range(string p, string field, string shown)
    {
        TestSpecs.Rejects(Finite(p), field, shown, PRange);
    }

    [Fact]
    public void B_above_P_is_refused_naming_both()
    {
        TestSpecs.Rejects(Finite("[32, 8]", "[16]"), "B[0]", "16 is out of range for P = 8 (P[1])", BForP);
    }

    [Fact]
    public void Inf_beside_B_equal_to_P_would_repeat_runs_and_is_refused()
    {
        TestSpecs.Rejects(Finite("[16, 64]", "[16, \"inf\"]"), "B[1]", "\"inf\" is the full batch B = P = 16 (P[0]), which B[0] already is: the same runs would be listed twice; drop one of them.");
    }

    [Fact]
    public void A_finite_P_is_for_the_projected_model_only()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Finite())!.AsObject();
        json["model"] = "linear-network";
        json["gamma"] = 1;
        TestSpecs.Rejects(json.ToJsonString(), "P[0]", "32 is out of range for model \"linear-network\"", "projected model");
    }

    [Fact]
    public void A_training_set_over_the_memory_cap_is_refused_naming_P()
    {
        // 10^6 samples x (N + 2) doubles at N = 128 is about 1 GiB, over a cap of 256 MiB that the run without P meets.
        var limits = new SweepLimits { MaxBytesPerRun = 256L << 20 };
        TestSpecs.RejectsWith(Finite("[32, 1000000]", "[16]"), limits, "P[1]", "1000000 is out of range", "its training set is held in memory", "lower P or N");
    }

    [Fact]
    public void Finite_data_stores_the_train_loss_too()
    {
        SweepSpec online = TestSpecs.Parse(Finite("\"inf\"", "[16, \"inf\"]"));
        SweepSpec finite = TestSpecs.Parse(Finite("[32]", "[16, \"inf\"]"));
        SweepStorage a = SweepStorageEstimate.Of(online), b = SweepStorageEstimate.Of(finite);
        Assert.Equal(a.Runs, b.Runs);
        Assert.Equal(a.BytesPerRun + (2 * SweepStorageEstimate.TrainBytesPerPoint * a.PointsPerCurve), b.BytesPerRun);
    }

    [Fact]
    public void A_finite_run_of_the_grid_passes_the_numerics_own_check()
    {
        foreach (SimulationConfig run in TestSpecs.Parse(Finite("[32, \"inf\", 64]")).Grid().Runs)
        {
            run.Validate();
        }
    }

    [Fact]
    public void Matched_theory_on_a_finite_set_is_the_eq_41_curve_of_each_P_at_full_batch()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Finite("[32, \"inf\"]", "\"inf\""))!.AsObject();
        json["theory"] = "matched";
        json["steps"] = 300;
        SweepSpec spec = TestSpecs.Parse(json.ToJsonString());
        foreach (GroupConfig group in spec.Grid().Groups)
        {
            ScaleSweep.Sweeps.Dmft.DmftCurveRequest request = ScaleSweep.Sweeps.Dmft.DmftCurvePlan.For(spec, group)!;
            Assert.Equal(group.P, request.P);
            Assert.Null(request.B); // eq. 41 is gradient descent on the whole set: the solver's B is infinite
            Assert.Equal(group.P is null, !request.CanonicalText().Contains(";P=", StringComparison.Ordinal));
            Assert.Equal(group.P is null ? double.PositiveInfinity : 32, request.ToSettings().P);
        }
    }

    [Fact]
    public void Theory_on_a_finite_set_with_multi_pass_sgd_is_refused()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Finite("[32]", "[16]"))!.AsObject();
        json["theory"] = "matched";
        json["steps"] = 300;
        TestSpecs.Rejects(json.ToJsonString(), "theory", "full-batch gradient descent only", "B < P");
    }
}

using System.Text.Json.Nodes;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>
/// The spec of model mlp-circle: (qPhi, q) are the grid's task axes, gamma0 its richness, depth and K scalars; alpha,
/// beta and M are eq. 14's, never given; every run is the one <see cref="SimulationConfig.ForMlpCircle"/> builds.
/// </summary>
public sealed class MlpCircleSpecTests
{
    /// <summary>2 qPhi x 2 q x 2 gamma0 x 1 N x 1 B x 1 eta x 2 seeds = 16 runs.</summary>
    private const string Valid = """
        {
          "name": "mlp",
          "model": "mlp-circle",
          "q": [1, 2],
          "qPhi": [1, 1.5],
          "gamma0": [0.01, 1],
          "depth": 3,
          "N": 32,
          "B": 8,
          "eta": 0.1,
          "steps": 100,
          "seeds": 2
        }
        """;

    private static JsonObject ValidObject() => JsonNode.Parse(Valid)!.AsObject();

    private static string With(string key, string? valueJson)
    {
        JsonObject spec = ValidObject();
        if (valueJson is null)
        {
            spec.Remove(key);
        }
        else
        {
            spec[key] = JsonNode.Parse(valueJson);
        }

        return spec.ToJsonString();
    }

    [Fact]
    public void The_grid_is_qPhi_by_q_and_every_run_is_ForMlpCircles()
    {
        SweepSpec spec = TestSpecs.Parse(Valid);
        IReadOnlyList<SimulationConfig> runs = spec.Grid().Runs;

        Assert.Equal(16, spec.RunCount);
        Assert.Equal(16, runs.Count);
        SimulationConfig first = runs[0];
        int k = MlpCircleSettings.DefaultHarmonics(1, 1, 100);
        Assert.Equal(SimulationConfig.ForMlpCircle(new MlpCircleSettings(1, 1, 3, k), 0.01, 32, 8, 0.1, 100, 0), first);
        Assert.Equal(first.Fingerprint(), runs[0].Fingerprint());

        // qPhi is the outer task axis, then q, then gamma0, as alpha, beta, gamma for the other models.
        (double Q, double QPhi, double Gamma)[] order = runs.Where(r => r.Seed == 0).Select(r => (r.Mlp!.Q, r.Mlp.QPhi, r.Gamma)).ToArray();
        Assert.Equal([(1, 1, 0.01), (1, 1, 1), (2, 1, 0.01), (2, 1, 1), (1, 1.5, 0.01), (1, 1.5, 1), (2, 1.5, 0.01), (2, 1.5, 1)], order);
        Assert.All(runs, r => Assert.Equal((r.Mlp!.Alpha, r.Mlp.Beta, r.Mlp.Harmonics), (r.Alpha, r.Beta, r.M)));
        Assert.All(runs, r => r.Validate());
    }

    [Fact]
    public void A_group_found_without_the_walk_is_the_walks_group_and_holds_its_runs()
    {
        SweepSpec spec = TestSpecs.Parse(Valid);
        SweepGrid grid = spec.Grid();
        for (int g = 0; g < grid.Groups.Count; g++)
        {
            Assert.Equal(grid.Groups[g], SweepGrid.GroupAt(spec, g));
            SimulationConfig[] runs = SweepGrid.RunsOf(spec, g);
            Assert.Equal(grid.Runs.Skip(g * 2).Take(2), runs);
            Assert.All(runs, r => Assert.Equal(grid.Groups[g], SweepGrid.GroupOf(r)));
        }
    }

    [Fact]
    public void Depth_K_q_and_qPhi_each_change_the_sweep_id()
    {
        string id = TestSpecs.Parse(Valid).Id();
        Assert.NotEqual(id, TestSpecs.Parse(With("depth", "2")).Id());
        Assert.NotEqual(id, TestSpecs.Parse(With("K", "300")).Id());
        Assert.NotEqual(id, TestSpecs.Parse(With("q", "[1, 3]")).Id());
        Assert.NotEqual(id, TestSpecs.Parse(With("qPhi", "[1, 1.25]")).Id());
        Assert.NotEqual(id, TestSpecs.Parse(With("gamma0", "[0.01, 2]")).Id());

        // Layout is not content: the default depth written out, or K written as its default, keep the id.
        string two = TestSpecs.Parse(With("depth", "2")).Id();
        Assert.Equal(two, TestSpecs.Parse(With("depth", null)).Id());
    }

    [Fact]
    public void Defaults_are_depth_2_and_K_per_task()
    {
        SweepSpec spec = TestSpecs.Parse(With("depth", null));
        Assert.All(spec.Grid().Runs, r => Assert.Equal(2, r.Mlp!.Depth));
        Assert.All(spec.Grid().Runs, r => Assert.Equal(MlpCircleSettings.DefaultHarmonics(r.Mlp!.Q, r.Mlp.QPhi, 100), r.M));

        SweepSpec fixedK = TestSpecs.Parse(With("K", "200"));
        Assert.All(fixedK.Grid().Runs, r => Assert.Equal(200, r.M));
    }

    [Theory]
    [InlineData("q", "[1, 0.5]", "q[1]", "0.5 is out of range", "q must be a finite number > 1/2")]
    [InlineData("qPhi", "0.5", "qPhi", "0.5 is out of range", "qPhi must be a number > 1/2 and <= 16")]
    [InlineData("qPhi", "[1, 17]", "qPhi[1]", "17 is out of range", "<= 16")]
    [InlineData("gamma0", "[0, 1]", "gamma0[0]", "0 is out of range", "gamma0 must be a finite number > 0")]
    [InlineData("depth", "0", "depth", "0 is out of range", "depth (hidden layers) must be an integer from 1 to 16")]
    [InlineData("depth", "1.5", "depth", "1.5 is not an integer", "depth (hidden layers)")]
    [InlineData("K", "16385", "K", "16385 is out of range", "K (target harmonics) must be an integer from 1 to 16384")]
    [InlineData("B", "[8, \"inf\"]", "B[1]", "\"inf\" is out of range", "no \"inf\"")]
    [InlineData("B", "70000", "B", "70000 is out of range", "B must be an integer from 1 to 65536")]
    [InlineData("P", "[64]", "P[0]", "64 is out of range for model \"mlp-circle\"", "finite training set is for the projected model")]
    [InlineData("q", "[1, 1]", "q[1]", "1 repeats q[0]", "distinct")]
    [InlineData("theory", "\"infinite\"", "theory", "mlp-circle")]
    public void A_bad_value_is_refused_naming_its_field_and_range(string key, string value, string field, params string[] contains) =>
        TestSpecs.Rejects(With(key, value), field, contains);

    [Theory]
    [InlineData("alpha", "2", "eq. 14 derives alpha = 2 qPhi; give qPhi instead")]
    [InlineData("beta", "0.5", "eq. 14 derives beta = (2q - 1)/(2 qPhi); give q instead")]
    [InlineData("gamma", "1", "its richness is gamma0")]
    [InlineData("M", "1000", "its M is K")]
    public void A_power_law_field_is_refused_for_the_mlp(string key, string value, string contains) =>
        TestSpecs.Rejects(With(key, value), key, "not a field of model \"mlp-circle\"", contains);

    [Theory]
    [InlineData("q", "1")]
    [InlineData("qPhi", "1")]
    [InlineData("gamma0", "1")]
    [InlineData("depth", "2")]
    [InlineData("K", "100")]
    public void An_mlp_field_is_refused_for_the_other_models(string key, string value) =>
        TestSpecs.Rejects(TestSpecs.With(key, value), key, "only for model \"mlp-circle\"", "not \"projected\"");

    [Theory]
    [InlineData("q")]
    [InlineData("qPhi")]
    [InlineData("gamma0")]
    public void A_missing_axis_is_named(string key) => TestSpecs.Rejects(With(key, null), key, "required field missing");

    [Fact]
    public void A_width_too_large_for_memory_names_N()
    {
        var limits = new SweepLimits { MaxBytesPerRun = 1 << 20 };
        TestSpecs.RejectsWith(With("N", "[32, 4096]"), limits, "N[1]", "4096 is out of range", "depth = 3", "lower N or depth");
    }

    [Fact]
    public void A_spec_object_with_both_a_power_law_and_an_mlp_task_is_refused()
    {
        SweepSpec spec = TestSpecs.Parse(Valid);
        TestSpecs.AssertRejection(() => SweepSpecValidator.Validate(spec with { Alpha = [2.0] }, TestSpecs.Limits), "alpha", "must be empty");
        SweepSpec projected = TestSpecs.Parse(TestSpecs.Valid);
        TestSpecs.AssertRejection(
            () => SweepSpecValidator.Validate(projected with { Mlp = spec.Mlp }, TestSpecs.Limits), "q", "only for model \"mlp-circle\"");
    }
}

/// <summary>The ids the README and docs print for the examples: the MLP's spec fields left every other model's id as it was.</summary>
public sealed class ExampleSweepIdTests
{
    [Theory]
    [InlineData("hard-vs-easy.json", "hard-vs-easy-7ef346344c6a")]
    [InlineData("compute-optimal.json", "compute-optimal-9b20fe4c2ddd")]
    [InlineData("linear-network.json", "linear-network-e95840a999db")]
    [InlineData("finite-data.json", "finite-data-e67f50d3c541")]
    [InlineData("dmft-theory.json", "dmft-theory-81310693c7d4")]
    [InlineData("mlp-circle-target.json", "mlp-circle-target-ab79502f869e")]
    [InlineData("mlp-circle-activation.json", "mlp-circle-activation-dff2c76b250d")]
    [InlineData("circle-ntk-task.json", "circle-ntk-task-d2ffc1f1a2a7")]
    public void An_examples_id_is_the_one_the_docs_print(string file, string id) =>
        Assert.Equal(id, SweepSpecParser.ParseFile(Path.Combine(Root(), "examples", file), new SweepLimits()).Id());

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cluster.sln not found above " + AppContext.BaseDirectory);
    }
}

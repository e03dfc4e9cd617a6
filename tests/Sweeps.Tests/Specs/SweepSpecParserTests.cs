using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>Valid specs: the record they parse to, defaults, accepted spellings, expansion and ids.</summary>
public class SweepSpecParserTests
{
    [Fact]
    public void ValidExampleParsesToTheExpectedRecord()
    {
        SweepSpec spec = TestSpecs.Parse(TestSpecs.Valid);

        Assert.Equal("hard-task.rich", spec.Name);
        Assert.Equal(ModelKind.Projected, spec.Model);
        Assert.Equal([2.0], spec.Alpha);
        Assert.Equal([0.4, 1.2], spec.Beta);
        Assert.Equal([0.0, 1.0], spec.Gamma);
        Assert.Equal([64, 128], spec.N);
        Assert.Equal([32L, null], spec.B);
        Assert.Equal([0.05], spec.Eta);
        Assert.Equal(4000, spec.M);
        Assert.Equal(3000L, spec.Steps);
        Assert.Equal([0UL, 1, 2, 3], spec.Seeds);
        Assert.Equal(10, spec.PointsPerDecade);
        Assert.Equal(new FitWindow(100, 3000), spec.FitWindow);
        Assert.Equal(60.0, spec.CheckpointSeconds);
        Assert.Equal(64, spec.RunCount);
    }

    [Fact]
    public void ExpandsInTheDocumentedOrderWithTheSeedFastest()
    {
        IReadOnlyList<SimulationConfig> runs = TestSpecs.Parse(TestSpecs.Valid).Grid().Runs;

        Assert.Equal(64, runs.Count);
        Assert.Equal(64, runs.Distinct().Count());
        var first = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 4000, 0.0, 64, 32, 0.05, 3000, 0, 10);
        Assert.Equal(first, runs[0]);
        Assert.Equal(first with { Seed = 1 }, runs[1]);
        Assert.Equal(first with { Batch = null }, runs[4]);
        Assert.Equal(first with { N = 128 }, runs[8]);
        Assert.Equal(first with { Gamma = 1.0 }, runs[16]);
        Assert.Equal(first with { Beta = 1.2 }, runs[32]);
        Assert.Equal(first with { Beta = 1.2, Gamma = 1.0, N = 128, Batch = null, Seed = 3 }, runs[63]);
    }

    [Fact]
    public void OptionalFieldsTakeTheirDefaults()
    {
        var json = TestSpecs.ValidObject();
        json.Remove("eta");
        json.Remove("pointsPerDecade");
        json.Remove("fitWindow");
        json.Remove("checkpointSeconds");

        SweepSpec spec = TestSpecs.Parse(json.ToJsonString());

        Assert.Equal([SimulationConfig.DefaultEta], spec.Eta);
        Assert.Equal(SimulationConfig.DefaultPointsPerDecade, spec.PointsPerDecade);
        Assert.Null(spec.FitWindow);
        Assert.Null(spec.CheckpointSeconds);
    }

    [Theory]
    [InlineData("eta")]
    [InlineData("pointsPerDecade")]
    [InlineData("fitWindow")]
    [InlineData("checkpointSeconds")]
    public void NullOptionalFieldIsTheDefault(string key)
    {
        SweepSpec withNull = TestSpecs.Parse(TestSpecs.With(key, "null"));
        SweepSpec absent = TestSpecs.Parse(TestSpecs.Without(key));

        Assert.Equal(absent.Id(), withNull.Id());
        Assert.Equal(absent.CheckpointSeconds, withNull.CheckpointSeconds);
    }

    [Fact]
    public void SingleNumbersAreOneElementGrids()
    {
        var json = TestSpecs.ValidObject();
        json["alpha"] = 1.5;
        json["beta"] = 0.4;
        json["gamma"] = 0.25;
        json["N"] = 256;
        json["B"] = "inf";
        json["eta"] = 0.1;

        SweepSpec spec = TestSpecs.Parse(json.ToJsonString());

        Assert.Equal([1.5], spec.Alpha);
        Assert.Equal([0.4], spec.Beta);
        Assert.Equal([0.25], spec.Gamma);
        Assert.Equal([256], spec.N);
        Assert.Equal([(long?)null], spec.B);
        Assert.Equal([0.1], spec.Eta);
        Assert.Equal(4, spec.RunCount);
    }

    [Fact]
    public void SeedCountMeansSeedsZeroToCountMinusOne()
    {
        SweepSpec spec = TestSpecs.Parse(TestSpecs.With("seeds", "3"));

        Assert.Equal([0UL, 1, 2], spec.Seeds);
        Assert.Equal(TestSpecs.Parse(TestSpecs.With("seeds", "[0, 1, 2]")).Id(), spec.Id());
    }

    [Fact]
    public void SeedListKeepsItsOrderAndTakesAnyUnsignedValue()
    {
        SweepSpec spec = TestSpecs.Parse(TestSpecs.With("seeds", "[7, 3, 18446744073709551615]"));

        Assert.Equal([7UL, 3, ulong.MaxValue], spec.Seeds);
        Assert.Equal(16 * 3, spec.RunCount);
    }

    [Theory]
    [InlineData("\"inf\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"INF\"")]
    public void InfiniteBatchSpellings(string value)
    {
        Assert.Equal([(long?)null], TestSpecs.Parse(TestSpecs.With("B", value)).B);
    }

    [Theory]
    [InlineData("1e3", 1000L)]
    [InlineData("2000.0", 2000L)]
    [InlineData("2E+3", 2000L)]
    public void IntegersMayBeWrittenWithAnExponentOrZeroFraction(string steps, long expected)
    {
        var json = TestSpecs.ValidObject();
        json.Remove("fitWindow");
        json["steps"] = System.Text.Json.Nodes.JsonNode.Parse(steps);

        Assert.Equal(expected, TestSpecs.Parse(json.ToJsonString()).Steps);
    }

    [Fact]
    public void NegativeZeroIsReadAsZero()
    {
        SweepSpec spec = TestSpecs.Parse(TestSpecs.With("gamma", "[-0.0, 1]"));

        Assert.False(double.IsNegative(spec.Gamma[0]));
        Assert.Equal(TestSpecs.Parse(TestSpecs.Valid).Id(), spec.Id());
    }

    [Fact]
    public void LinearNetworkWithPositiveGammaParses()
    {
        var json = TestSpecs.ValidObject();
        json["model"] = "linear-network";
        json["gamma"] = new System.Text.Json.Nodes.JsonArray(0.5, 1.0);

        SweepSpec spec = TestSpecs.Parse(json.ToJsonString());

        Assert.Equal(ModelKind.LinearNetwork, spec.Model);
        Assert.All(spec.Grid().Runs, run => Assert.Equal(ModelKind.LinearNetwork, run.Model));
    }

    [Fact]
    public void IdIsStableAndIgnoresLayoutAndKeyOrder()
    {
        string reordered = """
            {"checkpointSeconds": 60, "fitWindow": [100, 3000], "pointsPerDecade": 10, "seeds": [0, 1, 2, 3],
             "steps": 3000, "M": 4000, "eta": [0.05], "B": [32, "inf"], "N": [64, 128], "gamma": [0.0, 1.0],
             "beta": [0.4, 1.2], "alpha": 2, "model": "projected", "name": "hard-task.rich"}
            """;

        string id = TestSpecs.Parse(TestSpecs.Valid).Id();

        Assert.Equal(id, TestSpecs.Parse(TestSpecs.Valid).Id());
        Assert.Equal(id, TestSpecs.Parse(reordered).Id());
        Assert.Matches("^hard-task\\.rich-[0-9a-f]{12}$", id);
    }

    [Theory]
    [InlineData("N", "[64, 256]")]
    [InlineData("beta", "[0.4]")]
    [InlineData("seeds", "5")]
    [InlineData("fitWindow", "[10, 3000]")]
    [InlineData("steps", "4000")]
    [InlineData("eta", "0.04")]
    public void IdDiffersForADifferentGrid(string key, string value)
    {
        Assert.NotEqual(TestSpecs.Parse(TestSpecs.Valid).Id(), TestSpecs.Parse(TestSpecs.With(key, value)).Id());
    }

    [Fact]
    public void ARunCountAtTheCapIsAccepted()
    {
        var limits = new SweepLimits { MaxRunsPerSweep = 64 };

        Assert.Equal(64, TestSpecs.Parse(TestSpecs.Valid, limits).RunCount);
    }
}

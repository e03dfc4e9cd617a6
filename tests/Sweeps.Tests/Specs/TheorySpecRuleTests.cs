using System.Security.Cryptography;
using System.Text;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>The spec field "theory": its forms, its rules (each names the field, value and range), and the sweep id.</summary>
public class TheorySpecRuleTests
{
    private const string TheoryRange = "theory must be \"matched\"";
    private const string ModesRange = "theory.modes must be an integer from 16 to 4096";

    /// <summary>The valid spec with 1000 steps (under the finite-width cap) and the given "theory" value.</summary>
    private static string WithTheory(string theoryJson, string steps = "1000")
    {
        System.Text.Json.Nodes.JsonObject spec = TestSpecs.ValidObject();
        spec["steps"] = System.Text.Json.Nodes.JsonNode.Parse(steps);
        spec["fitWindow"] = null;
        spec["theory"] = System.Text.Json.Nodes.JsonNode.Parse(theoryJson);
        return spec.ToJsonString();
    }

    [Fact]
    public void AbsentOrNullTheoryAsksForNone()
    {
        Assert.Null(TestSpecs.Parse(TestSpecs.Valid).Theory);
        Assert.Null(TestSpecs.Parse(TestSpecs.With("theory", "null")).Theory);
        Assert.Empty(DmftCurvePlan.Requests(TestSpecs.Parse(TestSpecs.Valid)));
    }

    [Theory]
    [InlineData("\"matched\"", TheoryWidth.Matched, null)]
    [InlineData("\"infinite\"", TheoryWidth.Infinite, null)]
    [InlineData("{\"width\": \"matched\"}", TheoryWidth.Matched, null)]
    [InlineData("{\"width\": \"infinite\", \"modes\": 128}", TheoryWidth.Infinite, 128)]
    [InlineData("{\"modes\": 32, \"width\": \"matched\"}", TheoryWidth.Matched, 32)]
    [InlineData("{\"width\": \"matched\", \"modes\": null}", TheoryWidth.Matched, null)]
    public void TheoryFormsAreRead(string json, TheoryWidth width, int? modes)
    {
        SweepSpec spec = TestSpecs.Parse(WithTheory(json));

        Assert.Equal(new TheorySpec(width, modes), spec.Theory);
    }

    [Theory]
    [InlineData("true", "theory", "true is not a theory request")]
    [InlineData("[\"matched\"]", "theory", "is not a theory request")]
    [InlineData("\"Matched\"", "theory", "\"Matched\" is not a theory width")]
    [InlineData("\"on\"", "theory", "\"on\" is not a theory width")]
    [InlineData("{}", "theory.width", "required field missing")]
    [InlineData("{\"modes\": 64}", "theory.width", "required field missing")]
    [InlineData("{\"width\": 1}", "theory.width", "1 is not a string")]
    [InlineData("{\"width\": \"finite\"}", "theory.width", "\"finite\" is not a theory width")]
    [InlineData("{\"width\": \"matched\", \"Modes\": 64}", "theory.Modes", "unknown field", "width and modes")]
    [InlineData("{\"width\": \"matched\", \"width\": \"infinite\"}", "theory.width", "duplicate key")]
    public void BadTheoryValuesNameTheirPathAndTheForms(string json, string field, params string[] contains)
    {
        TestSpecs.Rejects(WithTheory(json), field, [.. contains, TheoryRange]);
    }

    [Theory]
    [InlineData("15", "15 is out of range")]
    [InlineData("4097", "4097 is out of range")]
    [InlineData("64.5", "64.5 is not an integer")]
    [InlineData("\"64\"", "\"64\" is not an integer")]
    public void ModesOutsideTheirRangeAreRejected(string modes, string message)
    {
        TestSpecs.Rejects(WithTheory($"{{\"width\": \"infinite\", \"modes\": {modes}}}"), "theory.modes", message, ModesRange);
    }

    [Fact]
    public void ModesCapFollowsTheLimits()
    {
        var limits = new SweepLimits { MaxTheoryModes = 64 };

        TestSpecs.RejectsWith(WithTheory("{\"width\": \"infinite\", \"modes\": 65}"), limits, "theory.modes",
            "65 is out of range", "from 16 to 64", "ScaleSweep:Limits:MaxTheoryModes");
        Assert.Equal(64, TestSpecs.Parse(WithTheory("{\"width\": \"infinite\", \"modes\": 64}"), limits).Theory!.Modes);
    }

    [Fact]
    public void TheoryIsRejectedForTheLinearNetwork()
    {
        System.Text.Json.Nodes.JsonObject spec = System.Text.Json.Nodes.JsonNode.Parse(WithTheory("\"infinite\""))!.AsObject();
        spec["model"] = "linear-network";
        spec["gamma"] = System.Text.Json.Nodes.JsonNode.Parse("[0.5, 1]");

        TestSpecs.Rejects(spec.ToJsonString(), "theory",
            "\"infinite\" is not available for model \"linear-network\"", "projected model of eq. 4", "remove \"theory\" or use model \"projected\"");
    }

    [Fact]
    public void MatchedTheoryAboveTheFiniteStepCapIsRejectedPointingToInfinite()
    {
        TestSpecs.Rejects(WithTheory("\"matched\"", steps: "3000"), "theory",
            "\"matched\" with steps = 3000 is out of range", "steps from 1 to 1000", "ScaleSweep:Limits:MaxFiniteTheorySteps",
            "use \"theory\": \"infinite\"");
    }

    [Fact]
    public void MatchedTheoryAtTheFiniteStepCapIsAccepted()
    {
        Assert.NotNull(TestSpecs.Parse(WithTheory("\"matched\"", steps: "1000")).Theory);
        Assert.NotNull(TestSpecs.Parse(WithTheory("\"matched\"", steps: "500"), new SweepLimits { MaxFiniteTheorySteps = 500 }).Theory);
        TestSpecs.RejectsWith(WithTheory("\"matched\"", steps: "501"), new SweepLimits { MaxFiniteTheorySteps = 500 }, "theory", "steps from 1 to 500");
    }

    [Fact]
    public void InfiniteTheoryAboveItsStepCapIsRejected()
    {
        var limits = new SweepLimits { MaxInfiniteTheorySteps = 1000 };

        Assert.NotNull(TestSpecs.Parse(WithTheory("\"infinite\"", steps: "1000"), limits).Theory);
        TestSpecs.RejectsWith(WithTheory("\"infinite\"", steps: "1001"), limits, "theory",
            "\"infinite\" with steps = 1001 is out of range", "steps from 1 to 1000", "ScaleSweep:Limits:MaxInfiniteTheorySteps");
    }

    [Fact]
    public void MatchedTheoryAboveTheMemoryCapIsRejected()
    {
        // 48 modes at T = 1000 and N = 64 (6 column-norm nodes): FiniteWidthDmft.EstimatedBytes, about 2.7 GiB.
        var limits = new SweepLimits { MaxTheoryBytes = 1L << 30 };

        TestSpecs.RejectsWith(WithTheory("\"matched\""), limits, "theory",
            "\"matched\" with 48 modes and steps = 1000 is out of range", "needs about 2.7 GiB at N = 64 (6 column-norm nodes)", "above the cap of 1 GiB", "MaxTheoryBytes");
        TestSpecs.RejectsWith(WithTheory("{\"width\": \"matched\", \"modes\": 64}"), limits, "theory.modes", "with 64 modes");
    }

    [Fact]
    public void InfiniteTheoryAboveTheMemoryCapIsRejected()
    {
        // gamma > 0 past 1000 steps takes the geometric grid, whose memory does not grow with T:
        // 256 modes need 8 (3 x 256^2 + 70 x 256) bytes = 1.6 MiB; min(4096, M) = 4000 modes about 366 MiB.
        var limits = new SweepLimits { MaxTheoryBytes = 1L << 20 };

        TestSpecs.RejectsWith(WithTheory("\"infinite\"", steps: "20000"), limits, "theory",
            "\"infinite\" with 256 modes and steps = 20000 is out of range", "needs about 1.6 MiB", "above the cap of 1 MiB");
        Assert.NotNull(TestSpecs.Parse(WithTheory("\"infinite\"", steps: "20000"), new SweepLimits { MaxTheoryBytes = 2L << 20 }).Theory);
        TestSpecs.RejectsWith(WithTheory("{\"width\": \"infinite\", \"modes\": 4096}"), limits, "theory.modes", "with 4000 modes"); // at most M = 4000 modes are used
    }

    [Fact]
    public void ValidatorChecksASpecBuiltInCode()
    {
        SweepSpec parsed = TestSpecs.Parse(WithTheory("\"infinite\""));
        SweepSpec bad = parsed with { Model = ModelKind.LinearNetwork, Gamma = [1.0] };

        SweepSpecException e = Assert.Throws<SweepSpecException>(() => SweepSpecValidator.Validate(bad, TestSpecs.Limits));
        Assert.Equal("theory", e.Field);
        SweepSpecException width = Assert.Throws<SweepSpecException>(() =>
            SweepSpecValidator.Validate(parsed with { Theory = new TheorySpec((TheoryWidth)7) }, TestSpecs.Limits));
        Assert.Equal("theory.width", width.Field);
    }

    [Fact]
    public void IdWithoutTheoryIsTheSameAsBeforeTheoryExisted()
    {
        SweepSpec spec = TestSpecs.Parse(TestSpecs.Valid);

        // The formula of the id before "theory": the run fingerprints, then the fit window.
        var text = new StringBuilder();
        foreach (SimulationConfig run in spec.Grid().Runs)
        {
            text.Append(run.Fingerprint()).Append('\n');
        }

        text.Append("fit=100:3000");
        string expected = "hard-task.rich-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
        Assert.Equal(expected, spec.Id());
    }

    [Fact]
    public void IdIncludesTheTheoryRequest()
    {
        string none = TestSpecs.Parse(WithTheory("null")).Id();
        string matched = TestSpecs.Parse(WithTheory("\"matched\"")).Id();
        string infinite = TestSpecs.Parse(WithTheory("\"infinite\"")).Id();
        string modes = TestSpecs.Parse(WithTheory("{\"width\": \"infinite\", \"modes\": 128}")).Id();

        Assert.Equal(4, new[] { none, matched, infinite, modes }.Distinct().Count());
        Assert.Equal(matched, TestSpecs.Parse(WithTheory("{\"width\": \"matched\"}")).Id());
    }

    [Fact]
    public void MatchedGivesOneCurvePerGroupAndInfiniteOnePerAlphaBetaGammaEta()
    {
        // 2 beta x 2 gamma x 2 N x 2 B groups.
        IReadOnlyList<DmftCurveRequest> matched = DmftCurvePlan.Requests(TestSpecs.Parse(WithTheory("\"matched\"")));
        IReadOnlyList<DmftCurveRequest> infinite = DmftCurvePlan.Requests(TestSpecs.Parse(WithTheory("\"infinite\"")));

        Assert.Equal(16, matched.Count);
        Assert.All(matched, r => Assert.Equal(48, r.Modes));
        Assert.Equal(4, infinite.Count);
        Assert.All(infinite, r => Assert.True(r.IsInfinite && r.Modes == 256));
        Assert.Equal([0.4, 0.4, 1.2, 1.2], infinite.Select(r => r.Beta));
    }

    [Fact]
    public void TheoryKeyDependsOnEverySettingAndTheResolvedModes()
    {
        var r = new DmftCurveRequest(2, 0.4, 1000, 1, 64, 8, 0.05, 100, 10, 48);

        Assert.Matches("^[0-9a-f]{64}$", r.Key());
        Assert.Equal(r.Key(), (r with { }).Key());
        DmftCurveRequest[] others =
        [
            r with { Alpha = 2.5 }, r with { Beta = 0.5 }, r with { M = 999 }, r with { Gamma = 0.5 }, r with { N = null },
            r with { B = null }, r with { Eta = 0.04 }, r with { Steps = 101 }, r with { PointsPerDecade = 11 }, r with { Modes = 64 },
        ];
        Assert.Equal(others.Length + 1, others.Select(o => o.Key()).Append(r.Key()).Distinct().Count());
        Assert.Contains("N=64;B=8", r.CanonicalText(), StringComparison.Ordinal);
        Assert.Contains("N=inf;B=inf", (r with { N = null, B = null }).CanonicalText(), StringComparison.Ordinal);
    }
}

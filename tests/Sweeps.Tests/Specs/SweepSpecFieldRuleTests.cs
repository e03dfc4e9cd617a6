namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>
/// One bad value of one field of the valid spec: the rejection names the field's JSON path, shows
/// the value as written and states the allowed range.
/// </summary>
public class SweepSpecFieldRuleTests
{
    private const string AlphaRange = "alpha must be a finite number > 1";
    private const string BetaRange = "beta must be a finite number > 0";
    private const string GammaRange = "gamma must be a finite number >= 0";
    private const string NRange = "N must be an integer from 1 to 65536";
    private const string BRange = "B must be an integer >= 1 or \"inf\"";
    private const string EtaRange = "eta must be a finite number > 0 (default 0.05)";
    private const string MRange = "M must be an integer from 1 to 50000000";
    private const string StepsRange = "steps must be an integer from 1 to 100000000";
    private const string SeedsRange = "seeds must be a count from 1 to 100000 or a list of distinct integers";
    private const string SeedRange = "a seed must be an integer from 0 to 18446744073709551615";
    private const string PpdRange = "pointsPerDecade must be an integer from 1 to 1000";
    private const string WindowRange = "1 <= t0 < t1 <= steps (= 3000)";
    private const string CheckpointRange = "checkpointSeconds must be a finite number > 0 and at most 86400";
    private const string NameRange = "name must be 1 to 64 characters from A-Z a-z 0-9 . _ -";

    /// <summary>Wrong JSON types: a string, a fraction or a list where a number is expected.</summary>
    public static TheoryData<string, string, string, string[]> WrongTypes => new()
    {
        { "N", "\"abc\"", "N", ["\"abc\" is not an integer", NRange] },
        { "N", "1.5", "N", ["1.5 is not an integer", NRange] },
        { "N", "[64, 1.5]", "N[1]", ["1.5 is not an integer", NRange] },
        { "N", "[64, true]", "N[1]", ["true is not an integer", NRange] },
        { "N", "{\"min\": 1}", "N", ["{\"min\":1} is not an integer", NRange] },
        { "alpha", "[\"2\"]", "alpha[0]", ["\"2\" is not a number (a string; write it without quotes)", AlphaRange] },
        { "beta", "[null]", "beta[0]", ["null is not a number", BetaRange] },
        { "M", "[4000]", "M", ["[4000] is not an integer", MRange] },
        { "M", "4000.5", "M", ["4000.5 is not an integer", MRange] },
        { "steps", "\"3000\"", "steps", ["\"3000\" is not an integer", "without quotes", StepsRange] },
        { "seeds", "2.5", "seeds", ["2.5 is not an integer", SeedsRange] },
        { "seeds", "\"four\"", "seeds", ["\"four\" is not a count or a list of seeds", SeedsRange] },
        { "seeds", "[0, 1.5]", "seeds[1]", ["1.5 is not an integer", SeedRange] },
        { "B", "[\"infinite\"]", "B[0]", ["\"infinite\" is not a batch size", BRange] },
        { "B", "[2.5]", "B[0]", ["2.5 is not an integer", BRange] },
        { "name", "42", "name", ["42 is not a string", NameRange] },
        { "model", "1", "model", ["1 is not a string", "\"projected\", \"linear-network\" or \"mlp-circle\""] },
        { "fitWindow", "[100]", "fitWindow", ["[100] is not a window", WindowRange] },
        { "fitWindow", "\"100:3000\"", "fitWindow", ["\"100:3000\" is not a window", WindowRange] },
        { "fitWindow", "[1.5, 10]", "fitWindow[0]", ["1.5 is not an integer", WindowRange] },
        { "checkpointSeconds", "\"60\"", "checkpointSeconds", ["\"60\" is not a number", CheckpointRange] },
    };

    /// <summary>Values of the right type outside the field's range, including the non-finite ones.</summary>
    public static TheoryData<string, string, string, string[]> OutOfRange => new()
    {
        { "alpha", "[2, 1]", "alpha[1]", ["1 is out of range", AlphaRange] },
        { "alpha", "0.5", "alpha", ["0.5 is out of range", AlphaRange] },
        { "alpha", "[\"NaN\"]", "alpha[0]", ["\"NaN\" is not a number", "NaN and Infinity are not allowed", AlphaRange] },
        { "alpha", "\"Infinity\"", "alpha", ["\"Infinity\" is not a number", AlphaRange] },
        { "alpha", "[1e400]", "alpha[0]", ["1e400 is out of range", AlphaRange] },
        { "beta", "[0.4, 0]", "beta[1]", ["0 is out of range", BetaRange] },
        { "beta", "-0.5", "beta", ["-0.5 is out of range", BetaRange] },
        { "gamma", "[0, -1]", "gamma[1]", ["-1 is out of range", GammaRange] },
        { "gamma", "[-1e400]", "gamma[0]", ["-1e400 is out of range", GammaRange] },
        { "N", "[0]", "N[0]", ["0 is out of range", NRange] },
        { "N", "[64, 65537]", "N[1]", ["65537 is out of range", NRange] },
        { "N", "[10000000000]", "N[0]", ["10000000000 is out of range", NRange] },
        { "B", "[32, 0]", "B[1]", ["0 is out of range", BRange] },
        { "B", "-4", "B", ["-4 is out of range", BRange] },
        { "B", "[1e30]", "B[0]", ["1e30 is out of range", BRange] },
        { "eta", "0", "eta", ["0 is out of range", EtaRange] },
        { "eta", "[0.05, -0.1]", "eta[1]", ["-0.1 is out of range", EtaRange] },
        { "eta", "[1e999]", "eta[0]", ["1e999 is out of range", EtaRange] },
        { "M", "0", "M", ["0 is out of range", MRange] },
        { "M", "50000001", "M", ["50000001 is out of range", MRange] },
        { "steps", "0", "steps", ["0 is out of range", StepsRange] },
        { "steps", "1e9", "steps", ["1000000000 is out of range", StepsRange, "ScaleSweep:Limits:MaxStepsPerRun"] },
        { "steps", "1e30", "steps", ["1e30 is out of range", StepsRange] },
        { "seeds", "-1", "seeds", ["-1 is out of range", SeedsRange] },
        { "seeds", "0", "seeds", ["0 is out of range", SeedsRange] },
        { "seeds", "100001", "seeds", ["100001 is out of range", SeedsRange] },
        { "seeds", "[0, -1]", "seeds[1]", ["-1 is out of range", SeedRange] },
        { "seeds", "[18446744073709551616]", "seeds[0]", ["18446744073709551616 is out of range", SeedRange] },
        { "pointsPerDecade", "0", "pointsPerDecade", ["0 is out of range", PpdRange] },
        { "pointsPerDecade", "1001", "pointsPerDecade", ["1001 is out of range", PpdRange] },
        { "fitWindow", "[0, 100]", "fitWindow[0]", ["0 is out of range", WindowRange] },
        { "fitWindow", "[100, 100]", "fitWindow[1]", ["100 is out of range", WindowRange] },
        { "fitWindow", "[100, 5000]", "fitWindow[1]", ["5000 is out of range", WindowRange] },
        { "checkpointSeconds", "0", "checkpointSeconds", ["0 is out of range", CheckpointRange] },
        { "checkpointSeconds", "-5", "checkpointSeconds", ["-5 is out of range", CheckpointRange] },
        { "checkpointSeconds", "86401", "checkpointSeconds", ["86401 is out of range", CheckpointRange] },
        { "checkpointSeconds", "1e400", "checkpointSeconds", ["1e400 is out of range", CheckpointRange] },
    };

    /// <summary>Names that are not one safe folder name.</summary>
    public static TheoryData<string, string> BadNames => new()
    {
        { "\"\"", "\"\" is not allowed" },
        { "\"a/b\"", "\"a/b\" is not allowed" },
        { "\"..\"", "\"..\" is not allowed" },
        { "\"-rf\"", "\"-rf\" is not allowed" },
        { "\"hard task\"", "\"hard task\" is not allowed" },
        { "\"" + new string('x', 65) + "\"", "\"" + new string('x', 40) + "...\" is not allowed" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void WrongJsonTypeIsRejected(string key, string value, string field, string[] contains)
    {
        TestSpecs.Rejects(TestSpecs.With(key, value), field, contains);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void OutOfRangeOrNonFiniteValueIsRejected(string key, string value, string field, string[] contains)
    {
        TestSpecs.Rejects(TestSpecs.With(key, value), field, contains);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public void NameMustBeASafeFolderName(string value, string shown)
    {
        TestSpecs.Rejects(TestSpecs.With("name", value), "name", shown, NameRange);
    }

    [Fact]
    public void SixtyFourCharacterNameIsAccepted()
    {
        string name = new('x', 64);
        Assert.Equal(name, TestSpecs.Parse(TestSpecs.With("name", $"\"{name}\"")).Name);
    }

    [Theory]
    [InlineData("\"mlp\"")]
    [InlineData("\"Projected\"")]
    public void UnknownModelIsRejected(string value)
    {
        TestSpecs.Rejects(TestSpecs.With("model", value), "model", $"{value} is not a model", "\"projected\", \"linear-network\" or \"mlp-circle\"");
    }

    [Theory]
    [InlineData("[0, 1]", "gamma[0]", "0 is out of range")]
    [InlineData("0", "gamma", "0 is out of range")]
    [InlineData("[1, -0.0]", "gamma[1]", "0 is out of range")]
    public void LinearNetworkNeedsPositiveGamma(string gamma, string field, string shown)
    {
        var json = TestSpecs.ValidObject();
        json["model"] = "linear-network";
        json["gamma"] = System.Text.Json.Nodes.JsonNode.Parse(gamma);

        TestSpecs.Rejects(json.ToJsonString(), field, shown, "gamma (gamma_0) must be a finite number > 0 for the linear network");
    }

    [Theory]
    [InlineData("alpha", AlphaRange)]
    [InlineData("beta", BetaRange)]
    [InlineData("gamma", GammaRange)]
    [InlineData("N", NRange)]
    [InlineData("B", BRange)]
    [InlineData("eta", EtaRange)]
    [InlineData("seeds", SeedsRange)]
    public void EmptyGridIsRejected(string key, string range)
    {
        TestSpecs.Rejects(TestSpecs.With(key, "[]"), key, "[] is empty", range);
    }

    [Theory]
    [InlineData("alpha", "[2, 3, 2]", "alpha[2]", "2 repeats alpha[0]")]
    [InlineData("beta", "[0.4, 0.40]", "beta[1]", "0.4 repeats beta[0]")]
    [InlineData("gamma", "[0, 1, -0.0]", "gamma[2]", "0 repeats gamma[0]")]
    [InlineData("N", "[64, 64]", "N[1]", "64 repeats N[0]")]
    [InlineData("B", "[\"inf\", 8, \"Infinity\"]", "B[2]", "\"inf\" repeats B[0]")]
    [InlineData("eta", "[0.1, 1e-1]", "eta[1]", "0.1 repeats eta[0]")]
    [InlineData("seeds", "[1, 2, 1]", "seeds[2]", "1 repeats seeds[0]")]
    public void DuplicateGridEntryIsRejected(string key, string value, string field, string shown)
    {
        TestSpecs.Rejects(TestSpecs.With(key, value), field, shown, "must be distinct");
    }

    [Fact]
    public void FitWindowWithFewerThanTwoRecordedStepsIsRejected()
    {
        // At 10 points per decade the curve is recorded at ..., 1995, 2512, 3000: none lies in [2001, 2100].
        TestSpecs.Rejects(TestSpecs.With("fitWindow", "[2001, 2100]"), "fitWindow", "[2001, 2100] holds 0 of the steps", "at least 2");
    }
}

using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>Rules about the document as a whole: its JSON, its keys, and the caps on its size.</summary>
public class SweepSpecDocumentRuleTests
{
    private const string AllowedFields =
        "the allowed fields are name, model, alpha, beta, gamma, q, qPhi, gamma0, depth, K, N, P, B, eta, M, spectrum, steps, seeds, pointsPerDecade, fitWindow, checkpointSeconds, theory.";

    [Fact]
    public void UnknownFieldIsNamedWithTheAllowedOnes()
    {
        TestSpecs.Rejects(TestSpecs.With("batch", "32"), "batch", "unknown field", AllowedFields);
    }

    [Theory]
    [InlineData("Alpha", "alpha")]
    [InlineData("n", "N")]
    [InlineData("fitwindow", "fitWindow")]
    public void MiscasedFieldIsUnknownWithASuggestion(string key, string meant)
    {
        TestSpecs.Rejects(TestSpecs.With(key, "2"), key, $"did you mean \"{meant}\"?", AllowedFields);
    }

    [Fact]
    public void DuplicateKeyIsRejected()
    {
        string json = TestSpecs.Valid.Replace("\"M\": 4000,", "\"M\": 4000, \"M\": 8000,");

        TestSpecs.Rejects(json, "M", "duplicate key", "4000", "8000", "each field may appear once");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("model")]
    [InlineData("alpha")]
    [InlineData("beta")]
    [InlineData("gamma")]
    [InlineData("N")]
    [InlineData("B")]
    [InlineData("M")]
    [InlineData("steps")]
    [InlineData("seeds")]
    public void RequiredFieldMissingIsRejected(string key)
    {
        TestSpecs.Rejects(TestSpecs.Without(key), key, "required field missing", $"{key} ");
    }

    [Fact]
    public void TruncatedJsonGivesItsPosition()
    {
        string truncated = TestSpecs.Valid[..TestSpecs.Valid.IndexOf("\"M\"", StringComparison.Ordinal)].TrimEnd();

        TestSpecs.Rejects(truncated, "$", "not valid JSON at line 9, column", "truncated");
    }

    [Theory]
    [InlineData("hello", "not valid JSON at line 1, column 1")]
    [InlineData("{\"name\": \"x\",\n  \"model\" \"projected\"}", "not valid JSON at line 2, column 11")]
    [InlineData("{\"name\": \"é\", x}", "not valid JSON at line 1, column 15")]
    [InlineData("{\"alpha\": [2,]}", "not valid JSON at line 1, column 14")]
    [InlineData("{\"alpha\": 2} // note", "not valid JSON at line 1, column 14")]
    [InlineData("{} {}", "not valid JSON at line 1, column 4")]
    public void NonJsonGivesLineAndColumn(string text, string expected)
    {
        TestSpecs.Rejects(text, "$", expected);
    }

    [Theory]
    [InlineData("[]", "the spec is [], not an object")]
    [InlineData("42", "the spec is 42, not an object")]
    [InlineData("\"spec\"", "the spec is \"spec\", not an object")]
    [InlineData("null", "the spec is null, not an object")]
    public void TopLevelMustBeAnObject(string text, string expected)
    {
        TestSpecs.Rejects(text, "$", expected, "name, model, alpha");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void EmptyInputIsRejected(string text)
    {
        TestSpecs.Rejects(text, "$", "the spec is empty");
    }

    [Fact]
    public void RunCountAboveTheCapIsRejected()
    {
        var limits = new SweepLimits { MaxRunsPerSweep = 63 };

        TestSpecs.RejectsWith(
            TestSpecs.Valid, limits, "$",
            "1 alpha x 2 beta x 2 gamma x 2 N x 2 B x 1 eta x 4 seeds = 64 runs is out of range",
            "at most 63 runs", "ScaleSweep:Limits:MaxRunsPerSweep");
    }

    [Fact]
    public void RunCountOfTheDefaultCapCountsSeedLists()
    {
        string seeds = "[" + string.Join(",", Enumerable.Range(0, 6251)) + "]";

        TestSpecs.Rejects(TestSpecs.With("seeds", seeds), "$", "= 100016 runs is out of range", "at most 100000 runs");
    }

    [Fact]
    public void WidthAboveTheMemoryCapIsRejected()
    {
        TestSpecs.Rejects(
            TestSpecs.With("N", "[64, 8192]"), "N[1]",
            "8192 is out of range", "N = 8192 and M = 4000", "GiB at its peak", "the cap of 2 GiB per run",
            "ScaleSweep:Limits:MaxBytesPerRun", "lower N or M");
    }

    [Fact]
    public void ModesAboveTheMemoryCapAreBlamedOnM()
    {
        var limits = new SweepLimits { MaxBytesPerRun = 64L << 20 };

        TestSpecs.RejectsWith(
            TestSpecs.With("M", "4000000"), limits, "M",
            "4000000 is out of range", "N = 64 and M = 4000000", "needs about 2 GiB at its peak", "the cap of 64 MiB per run", "lower M");
    }

    [Fact]
    public void SpecTextAboveTheSizeCapIsRejectedBeforeParsing()
    {
        var limits = new SweepLimits { MaxSpecBytes = 100 };

        TestSpecs.RejectsWith(TestSpecs.Valid, limits, "$", "bytes, above the cap of 100 bytes", "MaxSpecBytes");
    }
}

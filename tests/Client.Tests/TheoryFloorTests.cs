using System.Text.Json;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Tests;

/// <summary>`scalesweep theory --floor`: the exact floor per N, its exponent and both theory exponents.</summary>
public class TheoryFloorTests
{
    private static readonly string[] Small = ["theory", "--floor", "--alpha", "2", "--beta", "1.2", "--N", "8,16,32", "--M", "300", "--seeds", "3"];

    [Fact]
    public void JsonHasThePointsTheFitAndBothTheoryExponents()
    {
        CliResult result = Cli.Run([.. Small, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        JsonElement json = result.Json();
        Assert.Equal(
            ["points", "exponent", "ci", "paperExponent", "correctedExponent", "alpha", "beta", "m", "seeds", "seconds"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Exponents.ModelBottleneck(2, 1.2), json.GetProperty("paperExponent").GetDouble());
        Assert.Equal(2.0, json.GetProperty("correctedExponent").GetDouble());

        // Each point is the mean over seeds 0..2 of the library's floor of that seed, bit for bit.
        var spectrum = Spectrum.PowerLaw(2, 1.2, 300);
        double[][] floors = [.. Enumerable.Range(0, 3).Select(s => ProjectedFloor.Compute((ulong)s, spectrum, [8, 16, 32]))];
        JsonElement[] points = [.. json.GetProperty("points").EnumerateArray()];
        Assert.Equal([8, 16, 32], points.Select(p => p.GetProperty("N").GetInt32()));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(["N", "mean", "sem"], points[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal(floors.Average(f => f[i]), points[i].GetProperty("mean").GetDouble(), 15);
            Assert.True(points[i].GetProperty("sem").GetDouble() > 0);
        }

        double exponent = json.GetProperty("exponent").GetDouble();
        double[] ci = [.. json.GetProperty("ci").EnumerateArray().Select(e => e.GetDouble())];
        Assert.InRange(exponent, ci[0], ci[1]);
    }

    [Fact]
    public void TableNamesBothExponentsAndSaysWhichTheFloorFollows()
    {
        CliResult result = Cli.Run(Small);
        Assert.True(result.ExitCode == 0, result.ToString());
        string flat = string.Join(' ', result.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("paper, eq. 12: alpha min(2, beta) 2.4000", flat);
        Assert.Contains("corrected: alpha min(1, beta) 2.0000", flat);
        Assert.Contains("model floor for beta > 1: the simulations and the exact t -> inf loss follow the corrected alpha min(1, beta) = 2 (from below, closer as N grows), not the paper's alpha min(2, beta) = 2.4", flat);
    }

    [Fact]
    public void TheExponentsTableShowsBothFloorExponentsAndTheMeasurement()
    {
        CliResult result = Cli.Run("theory", "--alpha", "2", "--beta", "1.5");
        Assert.True(result.ExitCode == 0, result.ToString());
        string flat = string.Join(' ', result.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("floor (paper eq.12): N^-(alpha min(2,beta)) 3 3", flat);
        Assert.Contains("floor (corrected): N^-(alpha min(1,beta)) 2 2", flat);
        Assert.Contains("follow the corrected alpha min(1, beta) = 2 (from below, closer as N grows), not the paper's alpha min(2, beta) = 3", flat);
        Assert.Contains("measured:", flat);
    }

    [Fact]
    public void OneSeedHasNoIntervalNorStandardError()
    {
        CliResult result = Cli.Run(["theory", "--floor", "--N", "8,16", "--M", "100", "--seeds", "1", "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement json = result.Json();
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ci").ValueKind);
        Assert.All(json.GetProperty("points").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("sem").ValueKind));
    }

    [Fact]
    public void WithoutNTheDefaultWidthsAreUsed()
    {
        CliResult result = Cli.Run("theory", "--floor", "--M", "1000", "--seeds", "2", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([16, 32, 64, 128], result.Json().GetProperty("points").EnumerateArray().Select(p => p.GetProperty("N").GetInt32()));
    }

    [Theory]
    [InlineData(new[] { "--N", "16" }, "--N: 16 is one width: with --floor N must be a list of at least two distinct integers from 1 to 65536")]
    [InlineData(new[] { "--N", "16,inf" }, "--N: inf is out of range: with --floor N must be a list")]
    [InlineData(new[] { "--N", "16,32,16" }, "--N: 16,32,16 repeats a width")]
    [InlineData(new[] { "--N", "16,,32" }, "--N: '16,,32' has an empty item")]
    [InlineData(new[] { "--N", "16,x" }, "--N: 'x' is not an integer")]
    [InlineData(new[] { "--N", "16,0" }, "--N: 0 is out of range")]
    [InlineData(new[] { "--N", "16,70000" }, "--N: 70000 is out of range: with --floor N must be a list of at least two distinct integers from 1 to 65536")]
    [InlineData(new[] { "--N", "16,32", "--M", "32" }, "--M: M = 32 is out of range with --N up to 32: M must exceed the largest N")]
    [InlineData(new[] { "--seeds", "0" }, "--seeds: 0 is out of range: seeds must be an integer from 1 to 1000.")]
    [InlineData(new[] { "--seeds", "1001" }, "--seeds: 1001 is out of range")]
    [InlineData(new[] { "--beta", "0" }, "--beta: beta = 0 is out of range")]
    [InlineData(new[] { "--alpha", "1" }, "--alpha: alpha = 1 is out of range")]
    [InlineData(new[] { "--gamma", "1" }, "--gamma: not with --floor: the floor is the t -> inf loss of the best predictor on the N features")]
    [InlineData(new[] { "--levels", "3" }, "--levels: not with --floor")]
    [InlineData(new[] { "--curve" }, "--floor: not with --curve")]
    public void BadValuesExitTwoWithOneLineNamingTheOption(string[] extra, string message)
    {
        CliResult result = Cli.Run(["theory", "--floor", .. extra]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--N", "64" }, "--N: needs --curve or --floor: it sets the DMFT loss curve or the exact floor; without them theory prints the exponents")]
    [InlineData(new[] { "--M", "1000" }, "--M: needs --curve or --floor")]
    [InlineData(new[] { "--seeds", "4" }, "--seeds: needs --floor: it sets the seeds of the exact floor; without --floor theory prints the exponents")]
    [InlineData(new[] { "--curve", "--seeds", "4" }, "--seeds: needs --floor")]
    [InlineData(new[] { "--curve", "--N", "16,32", "--steps", "10" }, "--N: 16,32 is a list: with --curve N is one width")]
    public void FloorOptionsElsewhereAreRefused(string[] arguments, string message)
    {
        CliResult result = Cli.Run(["theory", .. arguments]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}

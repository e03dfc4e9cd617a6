using System.Text.Json;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Tests;

public class TheoryCommandTests
{
    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void JsonHasExactlyTheKeysAndThePapersValuesForAHardTask()
    {
        CliResult result = Cli.Run("theory", "--alpha", "2", "--beta", "0.4", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        JsonElement json = result.Json();
        Assert.Equal(
            ["alpha", "beta", "phase", "chi", "levels", "modelBottleneckExponent", "modelFloorCorrectedExponent", "computeOptimal"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["lazy", "rich"], json.GetProperty("chi").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["lazy", "rich"], json.GetProperty("computeOptimal").EnumerateObject().Select(p => p.Name));

        Assert.Equal(2.0, json.GetProperty("alpha").GetDouble());
        Assert.Equal(0.4, json.GetProperty("beta").GetDouble());
        Assert.Equal("hard", json.GetProperty("phase").GetString());
        Assert.Equal(0.4, json.GetProperty("chi").GetProperty("lazy").GetDouble(), 15);
        Assert.Equal(0.8 / 1.4, json.GetProperty("chi").GetProperty("rich").GetDouble(), 15);
        Assert.Equal(0.8, json.GetProperty("modelBottleneckExponent").GetDouble(), 15);
        Assert.Equal(0.8, json.GetProperty("modelFloorCorrectedExponent").GetDouble(), 15);
        Assert.Equal(0.8 / 3.0, json.GetProperty("computeOptimal").GetProperty("lazy").GetDouble(), 15);
        Assert.Equal(1.6 / 4.8, json.GetProperty("computeOptimal").GetProperty("rich").GetDouble(), 15);

        // Exactly the library's values, bit for bit through the JSON round trip.
        Assert.Equal(Exponents.ChiRich(0.4), json.GetProperty("chi").GetProperty("rich").GetDouble());
        Assert.Equal(Exponents.ComputeOptimalRich(2, 0.4), json.GetProperty("computeOptimal").GetProperty("rich").GetDouble());
        Assert.Equal(Exponents.Levels(0.4, 8), Doubles(json.GetProperty("levels")));
    }

    [Theory]
    [InlineData(2.0, 1.2, "easy")]
    [InlineData(2.0, 1.75, "super-easy")]
    [InlineData(2.0, 0.5, "hard")]
    public void PhaseIsNamedAsInThePaper(double alpha, double beta, string phase)
    {
        string a = alpha.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string b = beta.ToString(System.Globalization.CultureInfo.InvariantCulture);
        JsonElement json = Cli.Run("theory", "--alpha", a, "--beta", b, "--json").Json();
        Assert.Equal(phase, json.GetProperty("phase").GetString());
        Assert.Equal(Exponents.ComputeOptimalLazy(alpha, beta), json.GetProperty("computeOptimal").GetProperty("lazy").GetDouble());
    }

    [Fact]
    public void LevelsOptionSetsTheHighestLevel()
    {
        JsonElement json = Cli.Run("theory", "--beta", "0.5", "--levels", "3", "--json").Json();
        Assert.Equal([0.5, 0.75, 0.625, 0.6875], Doubles(json.GetProperty("levels")));
    }

    [Fact]
    public void TableShowsPhaseExponentsAndLevels()
    {
        CliResult result = Cli.Run("theory", "--alpha", "2", "--beta", "0.4");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("theory: alpha=2 beta=0.4: hard task (beta < 1)", result.Stdout);
        Assert.Contains("lazy (gamma=0)", result.Stdout);
        Assert.Contains("0.571429", result.Stdout);
        Assert.Contains("0.333333", result.Stdout);
        Assert.Contains("chi_0..chi_8", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "theory", "--alpha", "1" }, "--alpha: alpha = 1 is out of range", "alpha must be a finite number > 1")]
    [InlineData(new[] { "theory", "--beta", "0" }, "--beta: beta = 0 is out of range", "beta must be a finite number > 0")]
    [InlineData(new[] { "theory", "--beta", "x" }, "--beta: 'x' is not a number", "beta must be a finite number > 0")]
    [InlineData(new[] { "theory", "--levels", "-1" }, "--levels: -1 is out of range", "levels must be an integer from 0 to 1000")]
    [InlineData(new[] { "theory", "--frob" }, "Unrecognized command or argument '--frob'", "scalesweep theory --help")]
    public void BadArgumentsGiveOneLineAndExitCode2(string[] args, string first, string second)
    {
        CliResult result = Cli.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("scalesweep theory: ", line);
        Assert.EndsWith("(see 'scalesweep theory --help')", line);
        Assert.Contains(first, line);
        Assert.Contains(second, line);
        Assert.DoesNotContain("Parameter '", line);
    }
}

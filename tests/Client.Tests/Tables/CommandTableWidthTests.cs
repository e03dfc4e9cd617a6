using System.Text.Json;
using ScaleSweep.Client.Output;

namespace ScaleSweep.Client.Tests.Tables;

/// <summary>
/// The tables of simulate and theory, captured as a file or pipe gets them (80 columns): every line fits,
/// none ends in spaces, and every number of the JSON output appears whole on one line.
/// </summary>
public class CommandTableWidthTests
{
    private const int Width = ConsoleFactory.RedirectedWidth;

    [Fact]
    public void RedirectedOutputIsLaidOutFor80Columns() => Assert.Equal(80, Width);

    [Fact]
    public void SimulateProjectedFits()
    {
        string[] args = ["--seeds", "3", "--per-seed", "--fit-window", "10:200"];
        CliResult table = Cli.Simulate(args);
        JsonElement json = Cli.Simulate([.. args, "--json"]).Json();

        Assert.True(table.ExitCode == 0, table.ToString());
        Rendered.AssertReadable(table.Stdout, Width, Values(json, "mean").Concat(Values(json, "sem")).Concat(FitNumbers(json)));
        foreach (JsonElement seed in json.GetProperty("perSeed").EnumerateArray())
        {
            Rendered.AssertWhole(table.Stdout, NumberFormat.Value(seed.EnumerateArray().Last().GetDouble())); // last loss
        }
    }

    [Fact]
    public void SimulateLinearNetworkFits()
    {
        string[] args = ["--model", "linear-network", "--gamma", "0.5", "--seeds", "2", "--B", "8"];
        CliResult table = Cli.Simulate(args);
        JsonElement json = Cli.Simulate([.. args, "--json"]).Json();

        Assert.True(table.ExitCode == 0, table.ToString());
        Rendered.AssertReadable(
            table.Stdout,
            Width,
            Values(json, "mean").Concat(Values(json, "sem")).Concat(Values(json, "weightNormPerWidth")).Concat(FitNumbers(json)));
        Assert.Contains("no width bottleneck", table.Stdout);
    }

    [Fact]
    public void TheoryFits()
    {
        foreach (string beta in new[] { "0.4", "1.2", "1.8" })
        {
            CliResult table = Cli.Run("theory", "--alpha", "2", "--beta", beta, "--levels", "12");
            JsonElement json = Cli.Run("theory", "--alpha", "2", "--beta", beta, "--levels", "12", "--json").Json();

            Assert.True(table.ExitCode == 0, table.ToString());
            IEnumerable<string> numbers = new[]
            {
                json.GetProperty("chi").GetProperty("lazy"), json.GetProperty("chi").GetProperty("rich"),
                json.GetProperty("computeOptimal").GetProperty("lazy"), json.GetProperty("computeOptimal").GetProperty("rich"),
                json.GetProperty("modelBottleneckExponent"), json.GetProperty("modelFloorCorrectedExponent"),
            }.Concat(json.GetProperty("levels").EnumerateArray()).Select(e => NumberFormat.Value(e.GetDouble()));
            Rendered.AssertReadable(table.Stdout, Width, numbers);
        }
    }

    [Fact]
    public void TheoryCurveFits()
    {
        string[] args = ["theory", "--curve", "--gamma", "1", "--N", "32", "--B", "8", "--M", "300", "--steps", "60"];
        CliResult table = Cli.Run(args);
        JsonElement json = Cli.Run([.. args, "--json"]).Json();

        Assert.True(table.ExitCode == 0, table.ToString());
        Rendered.AssertReadable(table.Stdout, Width, Values(json, "loss"));
        Rendered.AssertWhole(table.Stdout, "300"); // M, on the settings line that wraps
    }

    [Fact]
    public void TheoryFloorFits()
    {
        string[] args = ["theory", "--floor", "--alpha", "2", "--beta", "1.5", "--N", "8,16,32", "--M", "400", "--seeds", "3"];
        CliResult table = Cli.Run(args);
        JsonElement json = Cli.Run([.. args, "--json"]).Json();

        Assert.True(table.ExitCode == 0, table.ToString());
        IEnumerable<string> numbers = json.GetProperty("points").EnumerateArray()
            .SelectMany(p => new[] { NumberFormat.Value(p.GetProperty("mean").GetDouble()), NumberFormat.Value(p.GetProperty("sem").GetDouble()) })
            .Concat(json.GetProperty("ci").EnumerateArray().Append(json.GetProperty("exponent")).Select(e => NumberFormat.Exponent(e.GetDouble())));
        Rendered.AssertReadable(table.Stdout, Width, numbers);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("120", 120)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("wide", null)]
    public void ColumnsVariableSetsTheRedirectedWidth(string? value, int? expected) =>
        Assert.Equal(expected, CliEnvironment.Columns(value));

    [Fact]
    public void ConsoleOverAFileHasTheGivenWidthOr80()
    {
        Assert.Equal(80, ConsoleFactory.For(new StringWriter(), isTerminal: false).Profile.Width);
        Assert.Equal(132, ConsoleFactory.For(new StringWriter(), isTerminal: false, columns: 132).Profile.Width);
    }

    private static IEnumerable<string> Values(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(e => NumberFormat.Value(e.GetDouble()));

    private static IEnumerable<string> FitNumbers(JsonElement json)
    {
        JsonElement fit = json.GetProperty("fit");
        yield return NumberFormat.Exponent(fit.GetProperty("exponent").GetDouble());
        if (fit.GetProperty("ci").ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement bound in fit.GetProperty("ci").EnumerateArray())
            {
                yield return NumberFormat.Exponent(bound.GetDouble());
            }
        }
    }
}

using System.Text.Json;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Client.Tests;

/// <summary>`scalesweep theory --curve`: the DMFT loss curve as JSON and as a table, and its bad values.</summary>
public class TheoryCurveTests
{
    [Fact]
    public void JsonIsTheLibrarysCurveOnTheSimulationGrid()
    {
        CliResult result = Cli.Run(
            "theory", "--curve", "--json", "--alpha", "2", "--beta", "0.4", "--gamma", "1", "--N", "32", "--B", "8",
            "--eta", "0.05", "--M", "300", "--steps", "60", "--points-per-decade", "5");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        JsonElement json = result.Json();
        Assert.Equal(["steps", "loss", "weightNormPerWidth", "settings", "solver"], json.EnumerateObject().Select(p => p.Name));

        long[] steps = json.GetProperty("steps").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        double[] loss = json.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(LogGrid.Steps(60, 5), steps);
        var expected = DmftSolver.Solve(new DmftSettings(2, 0.4, 300, 1, 32, 8, 0.05, 60), new DmftOptions { PointsPerDecade = 5 });
        Assert.Equal(expected.Loss, loss);

        JsonElement solver = json.GetProperty("solver");
        Assert.Equal(DmftOptions.DefaultFiniteModes, solver.GetProperty("modesUsed").GetInt32());
        Assert.Equal(61, solver.GetProperty("timePoints").GetInt64());
        Assert.Equal(1, solver.GetProperty("iterations").GetInt32());
        Assert.Equal(32, json.GetProperty("settings").GetProperty("n").GetInt64());
        Assert.Equal("inf", Cli.Run("theory", "--curve", "--json", "--steps", "10").Json().GetProperty("settings").GetProperty("b").GetString());
    }

    [Fact]
    public void TimeGridOptionPicksTheSolversGrid()
    {
        // N = B = inf, T = 2000 > 1000 steps: auto is the geometric grid, as the library's default.
        string[] common = ["theory", "--curve", "--json", "--gamma", "1", "--M", "1000", "--modes", "32", "--steps", "2000"];
        JsonElement auto = Cli.Run(common).Json();
        JsonElement geometric = Cli.Run([.. common, "--time-grid", "geometric"]).Json();
        JsonElement uniform = Cli.Run([.. common, "--time-grid", "uniform"]).Json();
        var settings = new DmftSettings(2, 0.4, 1000, 1, double.PositiveInfinity, double.PositiveInfinity, SimulationConfig.DefaultEta, 2000);
        var expected = DmftSolver.Solve(settings, new DmftOptions { Modes = 32, TimeGrid = DmftTimeGrid.Geometric });
        Assert.Equal(expected.Loss, geometric.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        Assert.Equal(expected.Loss, auto.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        Assert.StartsWith("geometric", geometric.GetProperty("solver").GetProperty("timeGrid").GetString());
        Assert.True(geometric.GetProperty("solver").GetProperty("timePoints").GetInt64() < 1200);
        Assert.Equal("uniform, every step", uniform.GetProperty("solver").GetProperty("timeGrid").GetString());
        Assert.Equal(2001, uniform.GetProperty("solver").GetProperty("timePoints").GetInt64());

        // Every step exactly in the rank-structured form: the uniform solution up to summation order.
        JsonElement exact = Cli.Run([.. common, "--time-grid", "geometric", "--uniform-steps", "2000"]).Json();
        double[] exactLoss = exact.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] uniformLoss = uniform.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.All(exactLoss.Zip(uniformLoss), p => Assert.True(Math.Abs(p.First / p.Second - 1) < 1e-12));
    }

    [Fact]
    public void TableListsEveryRecordedStep()
    {
        CliResult result = Cli.Run("theory", "--curve", "--gamma", "0.5", "--steps", "100", "--M", "500");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("dmft: alpha=2 beta=0.4 M=500 gamma=0.5 N=inf B=inf", lines[0]);
        Assert.Contains("dmft-infinite", lines[1]);
        // The header after the solver line (which may break at 80 columns), then its rule, then a row per step.
        int header = Array.FindIndex(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["step", "loss"]);
        Assert.InRange(header, 2, 3);
        Assert.Equal(LogGrid.Steps(100, 10).Length, lines.Length - header - 2);
        Assert.Matches(@"^ +100 +0\.\d+$", lines[^1]);
    }

    /// <summary>
    /// `theory --curve --P`: the eq. 41 solver, its train loss as a table column and as JSON "train" on the same
    /// steps; the train loss starts at the test loss (v0(0) is the same vector) and ends below it (the P samples
    /// are fitted); without --P there is no "train".
    /// </summary>
    [Fact]
    public void AFiniteTrainingSetAddsTheTrainLossToTableAndJson()
    {
        string[] finite = ["theory", "--curve", "--alpha", "1.5", "--N", "64", "--P", "16", "--eta", "0.5", "--M", "500", "--steps", "30"];
        CliResult table = Cli.Run(finite);
        CliResult json = Cli.Run([.. finite, "--json"]);
        CliResult online = Cli.Run("theory", "--curve", "--alpha", "1.5", "--N", "64", "--eta", "0.5", "--M", "500", "--steps", "30", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("P=16", table.Stdout);
        Assert.Contains("dmft-data-reuse", table.Stdout);
        Assert.Contains(table.Stdout.Split('\n'), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["step", "test", "loss", "train", "loss"]);
        Assert.True(json.ExitCode == 0, json.ToString());
        JsonElement root = json.Json();
        double[] loss = root.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] train = root.GetProperty("train").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(root.GetProperty("steps").GetArrayLength(), train.Length);
        Assert.Equal(loss[0], train[0], 12);
        Assert.True(train[^1] < 0.9 * loss[^1], $"train {train[^1]} against test {loss[^1]}");
        Assert.True(online.ExitCode == 0, online.ToString());
        Assert.False(online.Json().TryGetProperty("train", out _));
    }

    /// <summary>
    /// The curve's options would not change the exponents: without --curve they are refused, not ignored. (--N and --M,
    /// which --floor reads too: <see cref="TheoryFloorTests"/>.)
    /// </summary>
    [Theory]
    [InlineData("--gamma", "1")]
    [InlineData("--B", "inf")]
    [InlineData("--eta", "0.05")]
    [InlineData("--steps", "100")]
    [InlineData("--points-per-decade", "10")]
    [InlineData("--modes", "48")]
    [InlineData("--time-grid", "uniform")]
    [InlineData("--uniform-steps", "100")]
    public void WithoutCurveACurveOptionIsAUsageErrorNamingIt(string option, string value)
    {
        CliResult result = Cli.Run("theory", "--beta", "0.4", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(
            $"scalesweep theory: {option}: needs --curve: it sets the DMFT loss curve; without --curve theory prints the exponents, "
            + "which depend on --alpha and --beta only. (see 'scalesweep theory --help')",
            result.Stderr.Trim());
    }

    [Fact]
    public void WithCurveLevelsIsAUsageError()
    {
        CliResult result = Cli.Run("theory", "--curve", "--steps", "10", "--levels", "3");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("scalesweep theory: --levels: only without --curve", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--N", "0" }, "--N: 0 is out of range")]
    [InlineData(new[] { "--N", "abc" }, "--N: 'abc' is not an integer")]
    [InlineData(new[] { "--B", "0" }, "--B: 0 is out of range")]
    [InlineData(new[] { "--eta", "0" }, "--eta: eta = 0 is out of range")]
    [InlineData(new[] { "--gamma", "-1" }, "--gamma: gamma = -1 is out of range")]
    [InlineData(new[] { "--steps", "0" }, "--steps: 0 is out of range")]
    [InlineData(new[] { "--M", "0" }, "--M: 0 is out of range")]
    [InlineData(new[] { "--modes", "4" }, "--modes: 4 is out of range")]
    [InlineData(new[] { "--points-per-decade", "0" }, "--points-per-decade: 0 is out of range")]
    [InlineData(new[] { "--N", "16", "--steps", "1000000" }, "--steps: steps = 1000000 is out of range")]
    [InlineData(new[] { "--time-grid", "log" }, "--time-grid")]
    [InlineData(new[] { "--uniform-steps", "0" }, "--uniform-steps: 0 is out of range")]
    [InlineData(new[] { "--time-grid", "geometric", "--eta", "1.5", "--steps", "2000" }, "eta = 1.5 is out of range")]
    [InlineData(new[] { "--N", "16", "--gamma", "1", "--eta", "0.5", "--M", "1000", "--steps", "60", "--json" }, "--eta: eta = 0.5 is out of range")]
    [InlineData(new[] { "--eta", "2.5", "--steps", "100", "--json" }, "--eta: eta = 2.5 is out of range")]
    public void BadValuesExitTwoWithOneLineNamingTheOption(string[] extra, string message)
    {
        CliResult result = Cli.Run(["theory", "--curve", .. extra]);
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);
        Assert.Equal(string.Empty, result.Stdout);
    }
}

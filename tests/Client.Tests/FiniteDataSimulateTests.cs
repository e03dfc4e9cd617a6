using System.Text.Json;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Client.Tests;

/// <summary>`simulate --P`: training on a finite set from the command line, its JSON and its table.</summary>
public sealed class FiniteDataSimulateTests
{
    private static SimulationConfig Config(ulong seed, long p, long b) =>
        new(ModelKind.Projected, Alpha: 2.0, Beta: 0.4, M: 100, Gamma: 1.0, N: 16, Batch: b, Eta: SimulationConfig.DefaultEta, Steps: 200, Seed: seed) { P = p };

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void The_json_adds_the_train_loss_as_the_librarys_seed_mean_bit_for_bit()
    {
        CliResult result = Cli.Simulate("--seeds", "3", "--gamma", "1", "--P", "32", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement json = result.Json();
        Assert.Equal(32, json.GetProperty("config").GetProperty("p").GetInt64());
        Assert.Equal(32, json.GetProperty("config").GetProperty("batch").GetInt64()); // --B defaults to P: full batch

        var curves = new List<SeedCurve>();
        var trains = new List<SeedCurve>();
        for (ulong seed = 0; seed < 3; seed++)
        {
            ISimulation simulation = SimulationFactory.Create(Config(seed, 32, 32));
            simulation.Advance(long.MaxValue);
            curves.Add(new SeedCurve(simulation.Curve.Steps, simulation.Curve.Loss, false));
            trains.Add(new SeedCurve(simulation.Curve.Steps, simulation.Curve.TrainLoss, false));
        }

        SeedAggregateResult test = SeedAggregate.Compute(curves), train = SeedAggregate.Compute(trains);
        Assert.Equal(test.Mean, Doubles(json.GetProperty("mean")));
        JsonElement trainJson = json.GetProperty("train");
        Assert.Equal(["mean", "sem"], trainJson.EnumerateObject().Select(p => p.Name));
        Assert.Equal(train.Mean, Doubles(trainJson.GetProperty("mean")));
        Assert.Equal(train.Sem, Doubles(trainJson.GetProperty("sem")));

        // P = 32 > N = 16 at gamma = 1: training drives the train loss below the test loss by the end.
        Assert.True(train.Mean[^1] < test.Mean[^1], $"train {train.Mean[^1]} vs test {test.Mean[^1]}");
    }

    [Fact]
    public void Multi_pass_sgd_takes_an_explicit_B_below_P()
    {
        CliResult result = Cli.Simulate("--seeds", "2", "--P", "64", "--B", "8", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement config = result.Json().GetProperty("config");
        Assert.Equal((64L, 8L), (config.GetProperty("p").GetInt64(), config.GetProperty("batch").GetInt64()));
    }

    [Fact]
    public void Online_json_has_no_train_key_and_p_inf()
    {
        CliResult result = Cli.Simulate("--seeds", "2", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement json = result.Json();
        Assert.False(json.TryGetProperty("train", out _));
        Assert.Equal("inf", json.GetProperty("config").GetProperty("p").GetString());
    }

    [Fact]
    public void The_table_shows_P_and_the_train_columns()
    {
        CliResult result = Cli.Simulate("--seeds", "2", "--P", "32");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("P=32", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("B=32", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("train sem", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(eq. 78)", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--P", "0" }, "--P: 0 is out of range")]
    [InlineData(new[] { "--P", "8", "--B", "16" }, "--B: B = 16 is out of range for P = 8")]
    [InlineData(new[] { "--P", "8", "--model", "linear-network", "--gamma", "1" }, "--P: P = 8 is out of range for model 'linear-network'")]
    public void Bad_input_is_one_line_naming_the_option(string[] extra, string named)
    {
        CliResult result = Cli.Simulate(extra);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}

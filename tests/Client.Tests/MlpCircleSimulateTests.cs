using System.Text.Json;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Client.Tests;

/// <summary>`simulate --model mlp-circle`: its options reach the library's run unchanged, and the output names them.</summary>
public class MlpCircleSimulateTests
{
    private static readonly string[] Run =
    [
        "simulate", "--model", "mlp-circle", "--q", "1.5", "--q-phi", "1.25", "--depth", "3", "--K", "80",
        "--gamma", "0.5", "--N", "12", "--B", "4", "--eta", "0.1", "--steps", "40", "--seeds", "2", "--seed0", "5",
    ];

    [Fact]
    public void JsonNamesTheMlpSettingsAndItsMeanIsTheLibrarysRunsBitForBit()
    {
        CliResult result = Cli.Run([.. Run, "--json", "--per-seed"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement config = result.Json().GetProperty("config");
        Assert.Equal("mlp-circle", config.GetProperty("model").GetString());
        Assert.Equal(1.5, config.GetProperty("q").GetDouble());
        Assert.Equal(1.25, config.GetProperty("qPhi").GetDouble());
        Assert.Equal(3, config.GetProperty("depth").GetInt32());
        Assert.Equal(80, config.GetProperty("k").GetInt32());
        Assert.Equal(2.5, config.GetProperty("alpha").GetDouble());
        Assert.Equal(MlpCircleSettings.Source(1.5, 1.25), config.GetProperty("beta").GetDouble());

        JsonElement[] perSeed = result.Json().GetProperty("perSeed").EnumerateArray().ToArray();
        for (int i = 0; i < 2; i++)
        {
            var settings = new MlpCircleSettings(1.5, 1.25, 3, 80);
            ISimulation direct = SimulationFactory.Create(SimulationConfig.ForMlpCircle(settings, 0.5, 12, 4, 0.1, 40, 5 + (ulong)i));
            direct.Advance(long.MaxValue);
            double[] printed = perSeed[i].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(direct.Curve.Loss.ToArray(), printed);
        }
    }

    [Fact]
    public void OtherModelsJsonHasNoMlpKeys()
    {
        CliResult result = Cli.Simulate("--seeds", "1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement config = result.Json().GetProperty("config");
        foreach (string key in new[] { "q", "qPhi", "depth", "k" })
        {
            Assert.False(config.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void TableNamesTheSettingsAndEq14sExponents()
    {
        CliResult result = Cli.Run(Run);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("simulate mlp-circle: q=1.5 qPhi=1.25 depth=3 K=80 gamma=0.5", result.Stdout);
        Assert.Contains("eq. 14: alpha = 2 q_phi = 2.5", result.Stdout);
        Assert.Contains("(rich)", result.Stdout);
    }

    [Fact]
    public void WithoutKTheDefaultForTheStepsIsUsed()
    {
        CliResult result = Cli.Run(["simulate", "--model", "mlp-circle", "--gamma", "1", "--N", "8", "--B", "4", "--steps", "1000", "--seeds", "1", "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement config = result.Json().GetProperty("config");
        Assert.Equal(MlpCircleSettings.DefaultHarmonics(1, 1, 1000), config.GetProperty("k").GetInt32());
        Assert.Equal(2, config.GetProperty("depth").GetInt32());
    }
}

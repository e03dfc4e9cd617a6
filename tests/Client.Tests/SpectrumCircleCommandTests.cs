using System.Text.Json;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Spectra.Circle;

namespace ScaleSweep.Client.Tests;

/// <summary>`spectrum circle`: the circle experiment's task, its fit beside eq. 14, and the file it writes.</summary>
public sealed class SpectrumCircleCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scalesweep-circle-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>
    /// ReLU (q_phi 1), q 1, depth 2, K 1024: the file is CircleTask's spectrum to the bit, and the fitted alpha and beta
    /// sit within 0.02 of eq. 14's 2 and 0.5 (the NTK's decay converges from k ~ 10 on; tests of CircleKernel hold it).
    /// </summary>
    [Fact]
    public void ItWritesTheTaskAndFitsItBesideEquation14()
    {
        string file = Path.Combine(_directory, "circle.csv");

        CliResult result = Cli.Run("spectrum", "circle", "--q", "1", "--q-phi", "1", "--K", "1024", "--out", file, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement json = result.Json();
        JsonElement circle = json.GetProperty("circle");
        Assert.Equal(2.0, circle.GetProperty("alphaEq14").GetDouble());
        Assert.Equal(0.5, circle.GetProperty("betaEq14").GetDouble());
        Assert.Equal(1024, circle.GetProperty("modes").GetInt32());
        Assert.Equal(0, circle.GetProperty("unreachablePower").GetDouble());
        JsonElement fit = json.GetProperty("fit");
        Assert.InRange(fit.GetProperty("chiSelfConsistentRich").GetDouble(), 0.6, 0.7); // 2 beta/(1+beta) = 0.667 as K -> inf; 0.659 measured
        Assert.Equal(2.0, fit.GetProperty("alpha").GetProperty("value").GetDouble(), 0.02);
        Assert.Equal(0.5, fit.GetProperty("beta").GetProperty("value").GetDouble(), 0.02);

        Spectrum written = SpectrumCsv.Load(file);
        Assert.Equal(CircleTask.Create(1, 1, 2, 1024).Spectrum.Fingerprint, written.Fingerprint);
    }

    /// <summary>One ReLU layer: the odd harmonics from 3 on are out of reach, and the table says how much target power that is.</summary>
    [Fact]
    public void TheTableNamesTheExperimentAndThePowerOutOfReach()
    {
        CliResult result = Cli.Run("spectrum", "circle", "--q", "1", "--depth", "1", "--K", "64");

        Assert.True(result.ExitCode == 0, result.ToString());
        string text = System.Text.RegularExpressions.Regex.Replace(result.Stdout, @"\s+", " ");
        Assert.StartsWith("circle: target k^-1 cos(k theta), NTK of a 1-hidden-layer ReLU^1 MLP, harmonics 1..64 (33 kept); eq. 14: alpha = 2 q_phi = 2.0000", text);
        Assert.Contains("target power the kernel cannot reach: ", text);
        Assert.Contains("time, rich: eq. 10 on this spectrum (gamma=1) n/a (too few modes)", text);
        Assert.Contains("alpha (lambda_k ~ k^-alpha)", text);
    }

    [Theory]
    [InlineData("--q", "0.5", "--q: q = 0.5 is out of range: q must be a finite number > 1/2.")]
    [InlineData("--q-phi", "0.5", "--q-phi: q-phi = 0.5 is out of range: q-phi must be a finite number > 1/2.")]
    [InlineData("--depth", "0", "--depth: 0 is out of range: depth must be an integer from 1 to 16.")]
    [InlineData("--K", "8", "--K: 8 is out of range: K must be an integer from 16 to 4096.")]
    public void BadValuesAreOneLineNamingTheOption(string option, string value, string message)
    {
        CliResult result = Cli.Run("spectrum", "circle", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scalesweep spectrum circle: {message}", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }
}

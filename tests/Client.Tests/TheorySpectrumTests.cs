using System.Text.Json;
using ScaleSweep.Client.Tests.Reports;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Client.Tests;

/// <summary>`scalesweep theory --curve --spectrum FILE`: the DMFT of a measured task, and what does not go with it.</summary>
public sealed class TheorySpectrumTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>A file written from the power law (alpha 2, beta 0.4, M 40, within the 48-mode budget) gives the power law's curve, bit for bit.</summary>
    [Fact]
    public void AFileOfThePowerLawGivesItsCurve()
    {
        string path = Write(Spectrum.PowerLaw(2, 0.4, 40));

        CliResult result = Cli.Run("theory", "--curve", "--json", "--spectrum", path, "--gamma", "1", "--steps", "60", "--N", "32", "--B", "8");

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = DmftSolver.Solve(new DmftSettings(2, 0.4, 40, 1, 32, 8, 0.05, 60));
        JsonElement json = result.Json();
        Assert.Equal(expected.Loss, json.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        JsonElement settings = json.GetProperty("settings");
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("alpha").ValueKind);
        Assert.Equal(40, settings.GetProperty("m").GetInt32());
        Assert.Equal(path, settings.GetProperty("spectrum").GetProperty("path").GetString());
        Assert.Equal(Spectrum.PowerLaw(2, 0.4, 40).Fingerprint, settings.GetProperty("spectrum").GetProperty("fingerprint").GetString());

        string table = Cli.Run("theory", "--curve", "--spectrum", path, "--steps", "20").Stdout;
        string joined = System.Text.RegularExpressions.Regex.Replace(table, @"\s+", " "); // the long path wraps onto its own line
        Assert.StartsWith($"dmft: spectrum={path} (fingerprint {Spectrum.PowerLaw(2, 0.4, 40).Fingerprint[..12]}) M=40 gamma=0", joined);
    }

    /// <summary>
    /// --floor on a file of the power law (alpha 2, beta 1.2, M 600): the same floors as the power law, and its theory
    /// exponents from the fit (exact on such a file): the paper's 2.4 beside the corrected 2.
    /// </summary>
    [Fact]
    public void TheFloorOfAFileIsThePowerLawsWithItsFittedExponents()
    {
        string path = Write(Spectrum.PowerLaw(2, 1.2, 600));

        JsonElement measured = Cli.Run("theory", "--floor", "--json", "--spectrum", path, "--N", "8,16,32", "--seeds", "2").Json();
        JsonElement powerLaw = Cli.Run("theory", "--floor", "--json", "--alpha", "2", "--beta", "1.2", "--M", "600", "--N", "8,16,32", "--seeds", "2").Json();

        Assert.Equal(powerLaw.GetProperty("points").GetRawText(), measured.GetProperty("points").GetRawText());
        Assert.Equal(2.4, measured.GetProperty("paperExponent").GetDouble(), 1e-9);
        Assert.Equal(2.0, measured.GetProperty("correctedExponent").GetDouble(), 1e-9);
        Assert.Equal(path, measured.GetProperty("spectrum").GetProperty("path").GetString());
        Assert.False(powerLaw.TryGetProperty("spectrum", out _));
    }

    /// <summary>Widths beyond the file's modes: the message names --spectrum, which set M, not --M, which was not given.</summary>
    [Fact]
    public void WidthsBeyondTheFilesModesNameTheFile()
    {
        CliResult result = Cli.Run("theory", "--floor", "--spectrum", Write(Spectrum.PowerLaw(2, 0.4, 50)), "--N", "16,64");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("scalesweep theory: --spectrum: M = 50 is out of range with --N up to 64: M must exceed the largest N", result.Stderr);
    }

    [Theory]
    [InlineData("--floor", "--beta", "0.4", "--beta: not with --spectrum: the file is the task, its eigenvalues, target coefficients and mode count.")]
    [InlineData("--floor", "--M", "100", "--M: not with --spectrum: the file is the task, its eigenvalues, target coefficients and mode count.")]
    public void TheFloorRefusesTheTasksOwnOptionsBesideAFile(string mode, string option, string value, string message)
    {
        CliResult result = Cli.Run("theory", mode, "--spectrum", Write(Spectrum.PowerLaw(2, 0.4, 50)), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scalesweep theory: {message}", result.Stderr);
    }

    [Theory]
    [InlineData("--alpha", "1.5", "--alpha: not with --spectrum: the file is the task, its eigenvalues, target coefficients and mode count.")]
    [InlineData("--M", "100", "--M: not with --spectrum: the file is the task, its eigenvalues, target coefficients and mode count.")]
    public void TheTasksOwnOptionsAreRefusedBesideAFile(string option, string value, string message)
    {
        string path = Write(Spectrum.PowerLaw(2, 0.4, 50));

        CliResult result = Cli.Run("theory", "--curve", "--spectrum", path, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scalesweep theory: {message}", result.Stderr);
    }

    [Fact]
    public void AMissingFileOrNoCurveIsAUsageError()
    {
        CliResult missing = Cli.Run("theory", "--curve", "--spectrum", Path.Combine(_directory.Path, "none.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("scalesweep theory: --spectrum: spectrum file '", missing.Stderr);
        Assert.Contains("' does not exist.", missing.Stderr);

        CliResult exponents = Cli.Run("theory", "--spectrum", Write(Spectrum.PowerLaw(2, 0.4, 50)));
        Assert.Equal(2, exponents.ExitCode);
        Assert.StartsWith("scalesweep theory: --spectrum: needs --curve or --floor", exponents.Stderr);
    }

    private string Write(Spectrum spectrum)
    {
        string path = Path.Combine(_directory.Path, $"spectrum-{spectrum.M}.csv");
        using var writer = new StreamWriter(path);
        SpectrumCsv.Write(writer, spectrum);
        return path;
    }
}

using System.Globalization;
using System.Text.Json;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Client.Tests;

/// <summary>`spectrum fit` and `spectrum kernel` in-process: round trips, output forms, and one-line usage errors.</summary>
public sealed class SpectrumCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scalesweep-spectrum-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A file written from Spectrum.PowerLaw(alpha, beta, M) fits back to alpha and beta within 1e-6.</summary>
    [Theory]
    [InlineData(1.5, 0.3, 200)]
    [InlineData(2.0, 1.2, 1000)]
    [InlineData(2.5, 3.0, 64)]
    public void Fit_of_a_power_law_file_returns_its_alpha_and_beta(double alpha, double beta, int m)
    {
        string file = WriteSpectrum("power.csv", Spectrum.PowerLaw(alpha, beta, m));
        CliResult result = Cli.Run("spectrum", "fit", file, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement json = result.Json();
        Assert.Equal(alpha, json.GetProperty("alpha").GetProperty("value").GetDouble(), 1e-6);
        Assert.Equal(beta, json.GetProperty("beta").GetProperty("value").GetDouble(), 1e-6);
        JsonElement ci = json.GetProperty("beta").GetProperty("ci");
        Assert.Equal(beta, ci[0].GetDouble(), 1e-6);
        Assert.Equal(beta, ci[1].GetDouble(), 1e-6);
        (int k0, int k1) = SpectrumFit.DefaultWindow(m);
        Assert.Equal([k0, k1], json.GetProperty("window").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(beta * Math.Max(1, 2 / (1 + beta)), json.GetProperty("chiRich").GetDouble(), 1e-6);
        Assert.Equal(alpha * Math.Min(2, beta), json.GetProperty("modelBottleneckExponent").GetDouble(), 1e-6);
        Assert.Equal(alpha * Math.Min(1, beta), json.GetProperty("modelFloorCorrectedExponent").GetDouble(), 1e-6);
    }

    [Fact]
    public void Fit_json_has_the_documented_keys()
    {
        string file = WriteSpectrum("power.csv", Spectrum.PowerLaw(2, 0.4, 100));
        JsonElement json = Cli.Run("spectrum", "fit", file, "--json").Json();
        Assert.Equal(
            ["source", "m", "alpha", "beta", "powerDecay", "window", "modes", "phase", "chiLazy", "chiRich", "chiSelfConsistentRich",
             "modelBottleneckExponent", "modelFloorCorrectedExponent", "noTheory", "plots"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["value", "ci"], json.GetProperty("alpha").EnumerateObject().Select(p => p.Name));
        Assert.Equal("hard", json.GetProperty("phase").GetString());
    }

    /// <summary>
    /// Eq. 10 solved on the spectrum itself: for the power law (alpha 2, beta 0.4, M = 10^5) it meets
    /// 2 beta/(1+beta) = 0.571 within 0.01 (measured 0.573; the finite window's bias, docs of SelfConsistentChi);
    /// a spectrum too short for its window gives null, not an error.
    /// </summary>
    [Fact]
    public void Fit_solves_equation_10_on_the_spectrum_itself()
    {
        JsonElement json = Cli.Run("spectrum", "fit", WriteSpectrum("long.csv", Spectrum.PowerLaw(2, 0.4, 100_000)), "--json").Json();
        Assert.Equal(2 * 0.4 / 1.4, json.GetProperty("chiSelfConsistentRich").GetDouble(), 0.01);

        JsonElement small = Cli.Run("spectrum", "fit", WriteSpectrum("short.csv", Spectrum.PowerLaw(2, 0.4, 100)), "--json").Json();
        Assert.Equal(JsonValueKind.Null, small.GetProperty("chiSelfConsistentRich").ValueKind);
    }

    [Fact]
    public void Fit_table_names_the_estimates_the_phase_and_the_window()
    {
        string file = WriteSpectrum("power.csv", Spectrum.PowerLaw(2, 1.8, 500));
        CliResult result = Cli.Run("spectrum", "fit", file, "--fit-window", "20:400");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("window k=20:400 (381 modes)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("alpha (lambda_k ~ k^-alpha)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2.0000   [2.0000, 2.0000]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("super-easy task", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_out_writes_the_plot()
    {
        string file = WriteSpectrum("power.csv", Spectrum.PowerLaw(2, 0.4, 3000));
        string folder = Path.Combine(_directory, "plots");
        CliResult result = Cli.Run("spectrum", "fit", file, "--out", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(new FileInfo(Path.Combine(folder, "spectrum.png")).Length > 1000);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "spectrum.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_of_a_flat_spectrum_says_there_is_no_theory()
    {
        string file = Path.Combine(_directory, "flat.csv");
        File.WriteAllLines(file, ["k,lambda,wstar", .. Enumerable.Range(1, 20).Select(k => $"{k},{Math.Pow(k, -0.5).ToString("R", CultureInfo.InvariantCulture)},1")]);
        CliResult result = Cli.Run("spectrum", "fit", file, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(JsonValueKind.Null, result.Json().GetProperty("phase").ValueKind);
        Assert.Contains("alpha is <= 1", result.Json().GetProperty("noTheory").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "spectrum file '")]
    [InlineData("k,lambda,wstar\n1,1,1\n2,0.5\n", "line 3: expected 3 comma-separated fields")]
    [InlineData("k,lambda,wstar\n1,1,1\n2,-0.5,1\n", "line 3: lambda = -0.5 is out of range")]
    [InlineData("1,1,1\n2,0,1\n3,0.1,1\n4,0.01,1\n", "mode k = 2: lambda = 0 is out of range for a fit")]
    [InlineData("1,1,1\n2,0.25,1\n", "the window 1:2 holds 2 of the spectrum's 2 modes; a fit needs at least 3")]
    public void Fit_refuses_a_bad_file_in_one_line(string content, string message)
    {
        string file = Path.Combine(_directory, "bad.csv");
        if (content != "missing")
        {
            File.WriteAllText(file, content);
        }

        AssertUsageError(Cli.Run("spectrum", "fit", file), "spectrum fit", message);
    }

    [Theory]
    [InlineData("5", "--fit-window: '5' is not a window")]
    [InlineData("0:10", "--fit-window: '0:10' is out of range")]
    [InlineData("90:95", "--fit-window: the window 90:95 holds 0 of the spectrum's 50 modes")]
    public void Fit_refuses_a_bad_window_naming_the_option(string window, string message)
    {
        string file = WriteSpectrum("power.csv", Spectrum.PowerLaw(2, 0.4, 50));
        AssertUsageError(Cli.Run("spectrum", "fit", file, "--fit-window", window), "spectrum fit", message);
    }

    /// <summary>
    /// The kernel's file reads back through SpectrumCsv with the same bits, keeps the target's mean square (N &gt;= n)
    /// and fits like any spectrum.
    /// </summary>
    [Fact]
    public void Kernel_writes_a_spectrum_file_the_reader_and_fit_accept()
    {
        string data = WriteData("data.csv", 150, 4);
        string output = Path.Combine(_directory, "out", "kernel.csv");
        CliResult result = Cli.Run("spectrum", "kernel", data, "--width", "300", "--out", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("150 modes kept, 0 dropped", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(100.0 %)", result.Stdout, StringComparison.Ordinal);

        Spectrum read = SpectrumCsv.Load(output);
        KernelSpectrumResult direct = KernelSpectrum.Compute(DataSetCsv.Load(data), KernelActivation.Relu, 1, 300, 0);
        Assert.Equal(direct.Spectrum.Fingerprint, read.Fingerprint);
        Assert.Equal(direct.MeanSquare, read.InitialLoss, 1e-9 * direct.MeanSquare);

        CliResult stdout = Cli.Run("spectrum", "kernel", data, "--width", "300");
        Assert.Equal(File.ReadAllText(output), stdout.Stdout);
        Assert.Equal(0, Cli.Run("spectrum", "fit", output).ExitCode);
    }

    [Theory]
    [InlineData(new[] { "--q-phi", "2", "--activation", "linear" }, "--q-phi: only with --activation relu")]
    [InlineData(new[] { "--q-phi", "0" }, "q_phi = 0 is out of range")]
    [InlineData(new[] { "--activation", "gelu" }, "--activation: 'gelu' is not allowed")]
    [InlineData(new[] { "--width", "0" }, "--width: 0 is out of range")]
    public void Kernel_refuses_bad_options_in_one_line(string[] options, string message)
    {
        string data = WriteData("data.csv", 20, 2);
        AssertUsageError(Cli.Run(["spectrum", "kernel", data, .. options]), "spectrum kernel", message);
    }

    [Theory]
    [InlineData("1,2,3\n4,5\n", "line 2: found 2 fields but line 1 has 3")]
    [InlineData("1,2,3\n4,5,x\n", "line 2: the target (last column) = 'x' is not a finite decimal number")]
    [InlineData("a,b\n", "the file has no samples")]
    public void Kernel_refuses_a_bad_data_file_naming_the_line(string content, string message)
    {
        string file = Path.Combine(_directory, "bad-data.csv");
        File.WriteAllText(file, content);
        AssertUsageError(Cli.Run("spectrum", "kernel", file), "spectrum kernel", message);
    }

    private static void AssertUsageError(CliResult result, string command, string message)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"scalesweep {command}: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    private string WriteSpectrum(string name, Spectrum spectrum)
    {
        string path = Path.Combine(_directory, name);
        using (var writer = new StreamWriter(path))
        {
            SpectrumCsv.Write(writer, spectrum);
        }

        return path;
    }

    private string WriteData(string name, int n, int d)
    {
        var random = new Random(5);
        var lines = new List<string> { string.Join(',', Enumerable.Range(1, d).Select(j => $"x{j}").Append("y")) };
        for (int i = 0; i < n; i++)
        {
            double[] x = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            double y = Math.Sin(3 * x[0]) + x[^1];
            lines.Add(string.Join(',', x.Append(y).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        string path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}

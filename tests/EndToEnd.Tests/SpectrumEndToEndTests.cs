using System.Globalization;
using System.Text;
using System.Text.Json;
using ScaleSweep.Client;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// `spectrum fit` and `spectrum kernel` through the real program: every documented value form of both
/// (<see cref="DocumentedValues"/>), the kernel's file accepted by `simulate --spectrum` and by `spectrum fit`,
/// and the bad inputs of the fit as one line with exit 2.
/// </summary>
public sealed class SpectrumEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly DocumentedValueRunner _runner = new();

    private readonly string _directory = Directory.CreateTempSubdirectory("scalesweep-e2e-spectrum-").FullName;

    public static TheoryData<string, string[], int> Cases => DocumentedValueRunner.Data("spectrum");

    public void Dispose()
    {
        _runner.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_documented_value_is_accepted_and_never_an_internal_error(string name, string[] arguments, int exit)
    {
        _ = name;
        return _runner.RunAsync(output, arguments, exit);
    }

    [Fact]
    public void Every_subcommand_has_cases()
    {
        var cases = DocumentedValues.Cases("spectrum").ToList();
        Assert.Contains(cases, c => c.Arguments is ["spectrum", "fit", ..]);
        Assert.Contains(cases, c => c.Arguments is ["spectrum", "kernel", ..]);
        Assert.Contains(cases, c => c.Arguments is ["spectrum", "circle", ..]);
    }

    /// <summary>A data set on the circle: kernel writes a spectrum that simulate --spectrum runs and fit fits.</summary>
    [Fact]
    public async Task A_kernel_spectrum_runs_in_simulate_and_fits()
    {
        var data = new StringBuilder("# theta on the circle, y = sum_k k^-1 cos(k theta)\n");
        for (int i = 0; i < 300; i++)
        {
            double theta = 2 * Math.PI * ((i * 0.618034) % 1);
            double y = Enumerable.Range(1, 50).Sum(k => Math.Cos(k * theta) / k);
            data.Append(CultureInfo.InvariantCulture, $"{Math.Cos(theta):R},{Math.Sin(theta):R},{y:R}\n");
        }

        string dataFile = Path.Combine(_directory, "circle.csv");
        string spectrumFile = Path.Combine(_directory, "circle-spectrum.csv");
        await File.WriteAllTextAsync(dataFile, data.ToString());

        CliResult kernel = await Cli.RunAsync(Timeout, "spectrum", "kernel", dataFile, "--q-phi", "1", "--width", "500", "--out", spectrumFile);
        output.ShouldExit(kernel, ExitCodes.Success);
        output.Check(kernel, () => Assert.Contains("modes kept", kernel.StdOut, StringComparison.Ordinal));

        CliResult simulate = await Cli.RunAsync(Timeout, "simulate", "--spectrum", spectrumFile, "--N", "16", "--steps", "50", "--seeds", "2");
        output.ShouldExit(simulate, ExitCodes.Success);

        CliResult fit = await Cli.RunAsync(Timeout, "spectrum", "fit", spectrumFile, "--fit-window", "3:60", "--json");
        output.ShouldExit(fit, ExitCodes.Success);
        output.Check(fit, () =>
        {
            using var json = JsonDocument.Parse(fit.StdOut);
            Assert.True(json.RootElement.GetProperty("alpha").GetProperty("value").GetDouble() > 1);
        });
    }

    [Theory]
    [InlineData("k,lambda,wstar\n1,1,1\n2,0.5,1,7\n", "bad.csv line 3: expected 3 comma-separated fields")]
    [InlineData("1,1,1\n2,0,1\n3,0.1,1\n4,0.01,1\n", "mode k = 2: lambda = 0 is out of range for a fit")]
    [InlineData("1,1,1\n2,0.5,1\n", "holds 2 of the spectrum's 2 modes; a fit needs at least 3")]
    [InlineData(null, "spectrum file '")]
    public async Task A_bad_spectrum_file_is_one_line_and_exit_2(string? content, string message)
    {
        string file = Path.Combine(_directory, "bad.csv");
        if (content is not null)
        {
            await File.WriteAllTextAsync(file, content);
        }

        CliResult result = await Cli.RunAsync(Timeout, "spectrum", "fit", file);
        output.ShouldExit(result, ExitCodes.Usage);
        output.Check(result, () =>
        {
            DocumentedValueRunner.AssertNoInternalError(result);
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("scalesweep spectrum fit: ", line, StringComparison.Ordinal);
            Assert.Contains(message, line, StringComparison.Ordinal);
        });
    }
}

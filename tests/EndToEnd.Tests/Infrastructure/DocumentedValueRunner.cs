using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs one <see cref="DocumentedValues"/> case with its placeholders filled in: a spectrum file, a data set, a
/// folder, and a loopback port nothing listens on, all of this runner's own.
/// </summary>
public sealed partial class DocumentedValueRunner : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("scalesweep-e2e-values-").FullName;
    private readonly int _closedPort = FreePorts.Take(1)[0];

    public DocumentedValueRunner()
    {
        var spectrum = new StringBuilder("k,lambda,wstar\n");
        for (int k = 1; k <= DocumentedValues.SpectrumModes; k++)
        {
            spectrum.Append(CultureInfo.InvariantCulture, $"{k},{Math.Pow(k, -2.0)},{Math.Pow(k, -0.9)}\n");
        }

        File.WriteAllText(Path.Combine(_directory, "spectrum.csv"), spectrum.ToString());
        var data = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < DocumentedValues.DataRows; i++)
        {
            double theta = 0.1 * i;
            data.Append(CultureInfo.InvariantCulture, $"{Math.Cos(theta)},{Math.Sin(theta)},{Math.Cos(3 * theta)},{Math.Sin(2 * theta)}\n");
        }

        File.WriteAllText(Path.Combine(_directory, "data.csv"), data.ToString());
        Directory.CreateDirectory(Path.Combine(_directory, "folder"));
    }

    public static TheoryData<string, string[], int> Data(params string[] commands)
    {
        var data = new TheoryData<string, string[], int>();
        foreach ((string name, string[] arguments, int exit) in DocumentedValues.Cases(commands))
        {
            data.Add(name, arguments, exit);
        }

        return data;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Runs the case; it must exit with <paramref name="exit"/> and show no internal error.</summary>
    public async Task RunAsync(ITestOutputHelper output, string[] arguments, int exit)
    {
        CliResult result = await Cli.RunAsync(Timeout, arguments.Select(Fill).ToArray());
        output.WriteLine($"{result.Command}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s");
        output.Check(result, () =>
        {
            AssertNoInternalError(result);
            Assert.Equal(exit, result.ExitCode);
        });
    }

    /// <summary>Neither "internal error", nor an exception's name, nor a stack frame on either stream, nor exit code 1.</summary>
    public static void AssertNoInternalError(CliResult result)
    {
        foreach (string text in new[] { result.StdOut, result.StdErr })
        {
            Assert.DoesNotContain("internal error", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(StackFrame(), text);
        }

        Assert.NotEqual(ScaleSweep.Client.ExitCodes.Failure, result.ExitCode);
    }

    private string Fill(string argument) => argument
        .Replace(DocumentedValues.Spectrum, Path.Combine(_directory, "spectrum.csv"), StringComparison.Ordinal)
        .Replace(DocumentedValues.Data, Path.Combine(_directory, "data.csv"), StringComparison.Ordinal)
        .Replace(DocumentedValues.Folder, Path.Combine(_directory, "folder"), StringComparison.Ordinal)
        .Replace(DocumentedValues.ClosedGateway, $"127.0.0.1:{_closedPort}", StringComparison.Ordinal)
        .Replace(DocumentedValues.ClosedPort, _closedPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}

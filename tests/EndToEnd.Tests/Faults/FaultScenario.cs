using System.Diagnostics;
using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Faults;

/// <summary>
/// One fault test's folder (kept after the test: silo logs, the spec, measurements.md) and its
/// measurements, written to the test output and to measurements.md as a table.
/// </summary>
public sealed class FaultScenario
{
    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public FaultScenario(ITestOutputHelper output, string name)
    {
        _output = output;
        DirectoryPath = Path.Combine(Path.GetTempPath(), $"scalesweep-faults-{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(DirectoryPath);
        MeasurementsFile = Path.Combine(DirectoryPath, "measurements.md");
        File.WriteAllText(MeasurementsFile, $"# {name}\n\n| measurement | value |\n|---|---|\n");
        output.WriteLine($"test folder (logs, spec, measurements.md): {DirectoryPath}");
    }

    public string DirectoryPath { get; }

    public string MeasurementsFile { get; }

    /// <summary>Time since the scenario began.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Measure(string what, string value)
    {
        _output.WriteLine($"MEASURED {what}: {value}");
        File.AppendAllText(MeasurementsFile, $"| {what} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
    }

    public void Measure(string what, TimeSpan value) => Measure(what, Seconds(value));

    public void Note(string text)
    {
        _output.WriteLine($"{DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {text}");
    }

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    /// <summary>Polls the condition every 100 ms; fails with the message (and what it returns) on timeout.</summary>
    public static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"after {timeout.TotalSeconds:F0} s: {failure()}");
            }

            await Task.Delay(100);
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// The README's <c>./scalesweep</c> at the repository root: it runs the built CLI with the arguments as
/// given, and builds only when the CLI is missing or older than its sources (here it is freshly built).
/// </summary>
public sealed class LauncherScriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_launcher_passes_its_arguments_to_the_built_cli_without_rebuilding()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (string argument in new[] { Path.Combine(Repository.Root, "scalesweep"), "theory", "--alpha", "2", "--beta", "0.4", "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        string printed = await stdout;
        string errors = await stderr;
        output.WriteLine($"exit {process.ExitCode}\n{printed}\n{errors}");

        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("building", errors, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(printed);
        Assert.Equal(0.4, json.RootElement.GetProperty("chi").GetProperty("lazy").GetDouble());
    }
}

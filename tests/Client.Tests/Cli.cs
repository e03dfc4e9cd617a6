using System.Text.Json;

namespace ScaleSweep.Client.Tests;

/// <summary>Runs scalesweep in-process with captured streams.</summary>
internal static class Cli
{
    /// <summary>The small run every simulate test starts from (M 100, N 16, 200 steps).</summary>
    public static readonly string[] Small = ["simulate", "--M", "100", "--N", "16", "--steps", "200"];

    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = ScaleSweepCli.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The small simulate run plus <paramref name="extra"/>.</summary>
    public static CliResult Simulate(params string[] extra) => Run([.. Small, .. extra]);
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

using System.Diagnostics;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>What one scalesweep command did.</summary>
public sealed record CliResult(string Command, int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    /// <summary>The lines of stderr, without blank ones.</summary>
    public string[] ErrorLines => StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() =>
        $"$ {Command}\nexit code {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>Runs the built scalesweep CLI (dotnet scalesweep.dll ...) as a child process.</summary>
public static class Cli
{
    /// <summary>The dotnet host that runs the tests, so the programs run on the same runtime.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs scalesweep with the arguments and waits for it; kills it (its own process tree) and throws
    /// when it takes longer than the timeout.
    /// </summary>
    public static Task<CliResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        RunAsync(timeout, whileRunning: null, arguments);

    /// <summary>
    /// Runs scalesweep and, once it has used <paramref name="cpu"/> of processor time (so it is past
    /// start-up and inside its command), sends it SIGINT, as Ctrl+C in a terminal does.
    /// </summary>
    public static Task<CliResult> InterruptAsync(TimeSpan cpu, TimeSpan timeout, params string[] arguments) =>
        RunAsync(timeout, async process =>
        {
            while (!process.HasExited && process.TotalProcessorTime < cpu)
            {
                await Task.Delay(50);
                process.Refresh();
            }

            if (!process.HasExited)
            {
                using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }
        }, arguments);

    private static async Task<CliResult> RunAsync(TimeSpan timeout, Func<Process, Task>? whileRunning, string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Repository.ClientDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the developer's shell may redirect the CLI to another cluster or deploy folder.
        start.Environment.Remove("SCALESWEEP_GATEWAY");
        start.Environment.Remove("SCALESWEEP_DEPLOY");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        string command = "scalesweep " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + DotnetHost);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process).WaitAsync(deadline.Token);
            }

            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var killed = new CliResult(command, -1, await stdout, await stderr, clock.Elapsed);
            throw new TimeoutException($"scalesweep did not finish within {timeout.TotalSeconds:F0} s and was killed.\n{killed}");
        }

        return new CliResult(command, process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    /// <summary>
    /// Runs scalesweep as <see cref="RunAsync(TimeSpan, string[])"/> does, and sends it SIGINT (Ctrl+C) once, when a line it writes to
    /// stderr satisfies <paramref name="interruptWhen"/>; returns what it did and whether it was interrupted.
    /// </summary>
    public static async Task<(CliResult Result, bool Interrupted)> RunAndInterruptAsync(TimeSpan timeout, Func<string, bool> interruptWhen, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Repository.ClientDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("SCALESWEEP_GATEWAY");
        start.Environment.Remove("SCALESWEEP_DEPLOY");
        string command = "scalesweep " + string.Join(' ', arguments) + " (Ctrl+C on cue)";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + DotnetHost);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        bool interrupted = false;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardError.ReadLineAsync(deadline.Token) is { } line)
            {
                stderr.AppendLine(line);
                if (!interrupted && interruptWhen(line))
                {
                    interrupted = true;
                    using Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    await kill.WaitForExitAsync(deadline.Token);
                }
            }

            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"scalesweep did not finish within {timeout.TotalSeconds:F0} s and was killed.\n{new CliResult(command, -1, await stdout, stderr.ToString(), clock.Elapsed)}");
        }

        return (new CliResult(command, process.ExitCode, await stdout, stderr.ToString(), clock.Elapsed), interrupted);
    }

    /// <summary>
    /// Runs the assertions; when one fails, writes the command's output to the test's output first, so
    /// the failure shows what the CLI said.
    /// </summary>
    public static void Check(this ITestOutputHelper output, CliResult result, Action assertions)
    {
        try
        {
            assertions();
        }
        catch
        {
            output.WriteLine(result.ToString());
            throw;
        }
    }

    /// <summary>Asserts the exit code (writing the command's output on failure) and logs the time it took.</summary>
    public static void ShouldExit(this ITestOutputHelper output, CliResult result, int exitCode)
    {
        output.WriteLine($"{result.Command}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:F1} s");
        output.Check(result, () => Assert.Equal(exitCode, result.ExitCode));
    }
}

using System.Diagnostics;
using System.Text;

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
    public static async Task<CliResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        (await RunCoreAsync(timeout, interrupt: null, arguments)).Result;

    /// <summary>
    /// Runs scalesweep as <see cref="RunAsync(TimeSpan, string[])"/> does and sends it SIGINT once, when
    /// <paramref name="when"/> says; returns what it did and whether it was interrupted (it may have
    /// ended before).
    /// </summary>
    public static Task<(CliResult Result, bool Interrupted)> InterruptAsync(Interrupt when, TimeSpan timeout, params string[] arguments) =>
        RunCoreAsync(timeout, when, arguments);

    private static async Task<(CliResult Result, bool Interrupted)> RunCoreAsync(TimeSpan timeout, Interrupt? interrupt, string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(BuiltPrograms.ClientDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the developer's shell may redirect the CLI to another cluster or deploy folder.
        start.Environment.Remove("SCALESWEEP_GATEWAY");
        start.Environment.Remove("SCALESWEEP_DEPLOY");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        string command = "scalesweep " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))
            + (interrupt is null ? "" : $" ({interrupt.Description})");

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + DotnetHost);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        var signal = new SigInt(process, deadline.Token);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        Task reading = ReadLinesAsync(process.StandardError, stderr, interrupt?.OnErrorLine is { } onLine
            ? line => onLine(line) ? signal.SendAsync() : Task.CompletedTask
            : _ => Task.CompletedTask, deadline.Token);
        try
        {
            if (interrupt?.ProcessorTime is { } cpu)
            {
                while (!process.HasExited && process.TotalProcessorTime < cpu)
                {
                    await Task.Delay(50, deadline.Token);
                    process.Refresh();
                }

                await signal.SendAsync();
            }

            await reading;
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default); // stderr is complete once the reader has stopped
            var killed = new CliResult(command, -1, await stdout, stderr.ToString(), clock.Elapsed);
            throw new TimeoutException($"scalesweep did not finish within {timeout.TotalSeconds:F0} s and was killed.\n{killed}");
        }

        return (new CliResult(command, process.ExitCode, await stdout, stderr.ToString(), clock.Elapsed), signal.Sent);
    }

    /// <summary>
    /// Copies the reader into <paramref name="text"/> as it comes, unchanged, and calls
    /// <paramref name="onLine"/> with each whole line (without its line ending).
    /// </summary>
    private static async Task ReadLinesAsync(StreamReader reader, StringBuilder text, Func<string, Task> onLine, CancellationToken cancel)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancel)) > 0)
        {
            text.Append(buffer, 0, read);
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    await onLine(line.ToString().TrimEnd('\r'));
                    line.Clear();
                }
                else
                {
                    line.Append(buffer[i]);
                }
            }
        }

        if (line.Length > 0)
        {
            await onLine(line.ToString());
        }
    }

    /// <summary>SIGINT to the CLI, sent at most once and only while it runs.</summary>
    private sealed class SigInt(Process process, CancellationToken cancel)
    {
        public bool Sent { get; private set; }

        public async Task SendAsync()
        {
            if (Sent || process.HasExited)
            {
                return;
            }

            Sent = true;
            using Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(cancel);
        }
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

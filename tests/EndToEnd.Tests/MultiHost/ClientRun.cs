using System.Diagnostics;
using System.Text;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.MultiHost;

/// <summary>A CLI process on the client host, its output collected as it comes.</summary>
public sealed class ClientRun
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ClientRun(Process process, string command)
    {
        Process = process;
        Command = command;
    }

    public Process Process { get; }

    public string Command { get; }

    public string StdErr { get { lock (_err) { return _err.ToString(); } } }

    public static ClientRun Start(ProcessStartInfo start, string command)
    {
        var process = new Process { StartInfo = start };
        var run = new ClientRun(process, command);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (run._out) { run._out.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (run._err) { run._err.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits for the CLI to exit (killing it after <paramref name="timeout"/>); its result.</summary>
    public async Task<CliResult> Exited(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Command} did not finish within {timeout.TotalSeconds:0} s; stderr so far:\n{StdErr}");
        }

        Process.WaitForExit();
        lock (_out)
        {
            return new CliResult(Command, Process.ExitCode, _out.ToString(), StdErr, _clock.Elapsed);
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real scalesweep-silo process: a one-silo Localhost cluster on free loopback ports, with a cluster
/// id and storage prefix of its own, on the tests' Azurite. It runs in its own process group (setsid),
/// and Dispose stops that group: SIGTERM, then SIGKILL if it is still there after a grace period.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly string _directory;
    private bool _stopped;

    private SiloProcess(int pid, string directory, string logFile, string clusterId, int gatewayPort)
    {
        Pid = pid;
        _directory = directory;
        LogFile = logFile;
        ClusterId = clusterId;
        GatewayPort = gatewayPort;
    }

    /// <summary>Process id of the silo, which leads its own process group.</summary>
    public int Pid { get; }

    public string LogFile { get; }

    public string ClusterId { get; }

    public int GatewayPort { get; }

    /// <summary>The --gateway value of the CLI.</summary>
    public string Gateway => "127.0.0.1:" + GatewayPort.ToString(CultureInfo.InvariantCulture);

    public bool IsRunning
    {
        get
        {
            // The silo is not this process's child (setsid's shell has exited), so it is reaped by
            // init; until then a dead silo is a zombie, which counts as stopped.
            string stat = Path.Combine("/proc", Pid.ToString(CultureInfo.InvariantCulture), "stat");
            try
            {
                string text = File.ReadAllText(stat);
                int close = text.LastIndexOf(')');
                return close > 0 && close + 2 < text.Length && text[close + 2] != 'Z';
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Starts the silo and waits until its gateway accepts connections; fails with the tail of the
    /// silo's log when it exits or does not open its gateway within the timeout.
    /// </summary>
    /// <param name="settings">More environment variables for the silo (ScaleSweep__Telemetry__PrometheusPort, ...).</param>
    public static async Task<SiloProcess> StartAsync(int workers, TimeSpan timeout, IReadOnlyDictionary<string, string>? settings = null)
    {
        int[] ports = FreePorts.Take(2);
        string directory = Path.Combine(Path.GetTempPath(), "scalesweep-e2e-silo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        string logFile = Path.Combine(directory, "silo.log");
        string clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        string contentRoot = Path.GetDirectoryName(Repository.SiloDll)!;

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // setsid puts the silo in a session and process group of its own, whose id is its pid ($!), so
        // Dispose can stop it with everything it started, and nothing else.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("setsid \"$0\" \"$1\" --contentRoot \"$2\" > \"$3\" 2>&1 < /dev/null & echo $!");
        start.ArgumentList.Add(Cli.DotnetHost);
        start.ArgumentList.Add(Repository.SiloDll);
        start.ArgumentList.Add(contentRoot);
        start.ArgumentList.Add(logFile);
        start.Environment["ScaleSweep__Silo__ClusterId"] = clusterId;
        start.Environment["ScaleSweep__Silo__Clustering"] = "Localhost";
        start.Environment["ScaleSweep__Silo__SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Silo__PrimarySiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Silo__GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Storage__ConnectionString"] = Azurite.ConnectionString;
        start.Environment["ScaleSweep__Storage__Prefix"] = Azurite.NewPrefix();
        start.Environment["ScaleSweep__Workers__Count"] = workers.ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string name, string value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        int pid;
        using (var shell = Process.Start(start) ?? throw new InvalidOperationException("cannot start bash"))
        {
            string printed = await shell.StandardOutput.ReadToEndAsync();
            string error = await shell.StandardError.ReadToEndAsync();
            await shell.WaitForExitAsync();
            if (shell.ExitCode != 0 || !int.TryParse(printed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pid))
            {
                throw new InvalidOperationException($"cannot start the silo (bash exited with {shell.ExitCode}): {printed}{error}");
            }
        }

        var silo = new SiloProcess(pid, directory, logFile, clusterId, ports[1]);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!FreePorts.Accepts(silo.GatewayPort))
            {
                if (!silo.IsRunning)
                {
                    throw new InvalidOperationException($"the silo exited before opening its gateway {silo.Gateway}.\n{silo.LogTail()}");
                }

                if (clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"the silo's gateway {silo.Gateway} did not accept connections within {timeout.TotalSeconds:F0} s.\n{silo.LogTail()}");
                }

                await Task.Delay(100);
            }

            return silo;
        }
        catch
        {
            silo.Dispose();
            throw;
        }
    }

    /// <summary>The last lines of the silo's console log.</summary>
    public string LogTail(int lines = 60)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            // Stack frames ("   at ...") are left out: the messages are what tells why the silo failed.
            string[] all = reader.ReadToEnd().Split('\n').Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).ToArray();
            return $"--- silo log ({LogFile}), last {lines} lines without stack frames ---\n" + string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"--- silo log {LogFile} unreadable: {e.Message} ---";
        }
    }

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (IsRunning)
        {
            Signal("TERM");
            var clock = Stopwatch.StartNew();
            while (IsRunning && clock.Elapsed < StopGrace)
            {
                Thread.Sleep(100);
            }
        }

        // Whatever is left of the group (the silo after the grace period, or anything it started).
        Signal("KILL");
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Sends the signal to the silo's process group (kill -SIG -- -PID); no such group is not an error.</summary>
    private void Signal(string signal)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("kill -\"$0\" -- -\"$1\" 2>/dev/null || true");
        start.ArgumentList.Add(signal);
        start.ArgumentList.Add(Pid.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(start)!;
        kill.StandardOutput.ReadToEnd();
        kill.WaitForExit();
    }
}

using System.Diagnostics;
using System.Globalization;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real scalesweep-silo process: by default a one-silo Localhost cluster on free loopback ports, with a
/// cluster id and storage prefix of its own, on the tests' Azurite; <see cref="StartAsync(SiloSettings, TimeSpan)"/>
/// starts one member of a bigger cluster instead. It runs in its own process group (setsid), whose
/// leader is the silo: the fault signals (<see cref="Kill"/>, <see cref="Pause"/>, <see cref="Continue"/>,
/// <see cref="Terminate"/>) go to that group and nothing else, and Dispose stops it: SIGTERM (and SIGCONT,
/// should it be paused), then SIGKILL if it is still there after a grace period.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly string? _ownDirectory;
    private bool _stopped;

    private SiloProcess(int pid, string? ownDirectory, string logFile, string clusterId, int siloPort, int gatewayPort)
    {
        Pid = pid;
        _ownDirectory = ownDirectory;
        LogFile = logFile;
        ClusterId = clusterId;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        StartedAt = DateTime.UtcNow;
    }

    /// <summary>When the process was started (UTC).</summary>
    public DateTime StartedAt { get; }

    public int SiloPort { get; }

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
            // init; until then a dead silo is a zombie, which counts as stopped once every thread is
            // gone: after kill -9 the main thread turns zombie while others may still be exiting and
            // hold the sockets open.
            string proc = Path.Combine("/proc", Pid.ToString(CultureInfo.InvariantCulture));
            try
            {
                string text = File.ReadAllText(Path.Combine(proc, "stat"));
                int close = text.LastIndexOf(')');
                bool zombie = close > 0 && close + 2 < text.Length && text[close + 2] == 'Z';
                return !zombie || Directory.GetDirectories(Path.Combine(proc, "task")).Length > 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Starts a one-silo Localhost cluster on free ports, on the tests' Azurite with a fresh prefix, and
    /// waits until its gateway accepts connections (see <see cref="StartAsync(SiloSettings, TimeSpan)"/>).
    /// Dispose deletes its folder and log.
    /// </summary>
    /// <param name="environment">More environment variables for the silo (ScaleSweep__Telemetry__PrometheusPort, ...).</param>
    public static Task<SiloProcess> StartAsync(int workers, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        int[] ports = FreePorts.Take(2);
        string directory = Path.Combine(Path.GetTempPath(), "scalesweep-e2e-silo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var settings = new SiloSettings
        {
            ClusterId = "e2e-" + Guid.NewGuid().ToString("N")[..12],
            Clustering = "Localhost",
            SiloPort = ports[0],
            GatewayPort = ports[1],
            PrimarySiloPort = ports[0],
            ConnectionString = Azurite.ConnectionString,
            Prefix = Azurite.NewPrefix(),
            Workers = workers,
            LogFile = Path.Combine(directory, "silo.log"),
            Environment = environment ?? new Dictionary<string, string>(),
        };
        return StartAsync(settings, timeout, ownDirectory: directory);
    }

    /// <summary>
    /// Starts a silo as the settings say, with its console log (single lines, UTC timestamps with
    /// milliseconds) in <see cref="SiloSettings.LogFile"/>, and waits until its gateway accepts
    /// connections; fails with the tail of the log when it exits or does not open its gateway within
    /// the timeout. The log file is the caller's: Dispose leaves it in place.
    /// </summary>
    public static Task<SiloProcess> StartAsync(SiloSettings settings, TimeSpan timeout) => StartAsync(settings, timeout, ownDirectory: null);

    private static async Task<SiloProcess> StartAsync(SiloSettings settings, TimeSpan timeout, string? ownDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string logFile = settings.LogFile;
        string directory = Path.GetDirectoryName(Path.GetFullPath(logFile))!;
        Directory.CreateDirectory(directory);
        string contentRoot = Path.GetDirectoryName(BuiltPrograms.SiloDll)!;

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // setsid puts the silo in a session and process group of its own, whose id is its pid ($!), so
        // the signals reach it with everything it started, and nothing else. The log is appended to, so
        // a silo restarted onto the same file keeps the earlier lines.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("setsid \"$0\" \"$1\" --contentRoot \"$2\" >> \"$3\" 2>&1 < /dev/null & echo $!");
        start.ArgumentList.Add(Cli.DotnetHost);
        start.ArgumentList.Add(BuiltPrograms.SiloDll);
        start.ArgumentList.Add(contentRoot);
        start.ArgumentList.Add(logFile);
        SetEnvironment(start, settings);

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

        var silo = new SiloProcess(pid, ownDirectory, logFile, settings.ClusterId, settings.SiloPort, settings.GatewayPort);
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

    /// <summary>
    /// Runs a silo as the settings say as a child process until it exits by itself (a silo refused at
    /// start); returns its exit code and everything it wrote to stdout and stderr. Kills it and throws
    /// when it is still running after the timeout.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(SiloSettings settings, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo(Cli.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltPrograms.SiloDll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetDirectoryName(BuiltPrograms.SiloDll)!);
        SetEnvironment(start, settings);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Cli.DotnetHost);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"the silo was still running after {timeout.TotalSeconds:F0} s and was killed.\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The silo's settings as environment variables, with single-line UTC log lines.</summary>
    private static void SetEnvironment(ProcessStartInfo start, SiloSettings settings)
    {
        start.Environment["ScaleSweep__Silo__ClusterId"] = settings.ClusterId;
        start.Environment["ScaleSweep__Silo__Clustering"] = settings.Clustering;
        start.Environment["ScaleSweep__Silo__SiloPort"] = settings.SiloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Silo__PrimarySiloPort"] = settings.PrimarySiloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Silo__GatewayPort"] = settings.GatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["ScaleSweep__Storage__ConnectionString"] = settings.ConnectionString;
        start.Environment["ScaleSweep__Storage__Prefix"] = settings.Prefix;
        start.Environment["ScaleSweep__Workers__Count"] = settings.Workers.ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // Several silos run at once: no scrape endpoint unless a test asks for one on a port of its own.
        start.Environment["ScaleSweep__Telemetry__PrometheusPort"] = "0";
        // One line per message with its UTC time to the millisecond, so tests can read what happened when.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = SiloLog.TimestampFormat + " ";
        // The warm-up's cluster part adds seconds to every start, which these tests do not measure; the test of it
        // (RunCommandEndToEndTests) turns it on.
        start.Environment["ScaleSweep__Warmup__Cluster"] = "false";
        foreach ((string key, string value) in settings.Environment)
        {
            start.Environment[key] = value;
        }
    }

    /// <summary>The whole console log so far (of every start onto the same file).</summary>
    public string LogText()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>kill -9: the silo dies at once, without leaving the cluster or storing anything.</summary>
    public void Kill() => Signal("KILL");

    /// <summary>SIGSTOP: the silo hangs (every thread stopped) until <see cref="Continue"/>.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT: a paused silo runs on.</summary>
    public void Continue() => Signal("CONT");

    /// <summary>SIGTERM: the silo shuts down gracefully (the host stops, grains deactivate).</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Waits until the process is gone (or a zombie); false when it is still running after the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (IsRunning)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
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
            // A paused silo acts on SIGTERM only once it runs again.
            Signal("TERM");
            Signal("CONT");
            var clock = Stopwatch.StartNew();
            while (IsRunning && clock.Elapsed < StopGrace)
            {
                Thread.Sleep(100);
            }
        }

        // Whatever is left of the group (the silo after the grace period, or anything it started).
        Signal("KILL");
        if (_ownDirectory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_ownDirectory, recursive: true);
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

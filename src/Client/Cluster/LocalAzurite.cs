using System.Diagnostics;
using System.Net.Sockets;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// The Azurite of the embedded default: the one already listening on 127.0.0.1:10000-10002, or one
/// started from deploy/azurite (installed there with npm ci on first use) with its data under the
/// data folder, in its own process group, and stopped again when this object is disposed.
/// </summary>
internal sealed class LocalAzurite : IAsyncDisposable
{
    private static readonly int[] Ports = [10000, 10001, 10002];
    private readonly string? _script;
    private readonly string? _pidFile;

    private LocalAzurite(string? script, string? pidFile)
    {
        _script = script;
        _pidFile = pidFile;
    }

    /// <summary>True when this process started Azurite (and will stop it).</summary>
    public bool StartedHere => _pidFile is not null;

    public static bool IsListening() => Ports.All(PortOpen);

    public static async Task<LocalAzurite> EnsureAsync(string deployDirectory, string dataDirectory, Action<string> say, CancellationToken cancellationToken)
    {
        if (IsListening())
        {
            return new LocalAzurite(null, null);
        }

        string script = Path.Combine(deployDirectory, "azurite", "azurite.sh");
        if (!File.Exists(Path.Combine(deployDirectory, "azurite", "node_modules", ".bin", "azurite")))
        {
            say("installing Azurite (npm ci in deploy/azurite, once; about a minute)...");
        }

        say($"starting Azurite on 127.0.0.1:10000-10002 (data in {dataDirectory})...");

        string location = Path.Combine(dataDirectory, "azurite");
        Directory.CreateDirectory(location);
        string pidFile = Path.Combine(dataDirectory, $"azurite-{Environment.ProcessId}.pid");
        await RunScript(script, ["start", "--location", location, "--pid-file", pidFile], cancellationToken).ConfigureAwait(false);
        return new LocalAzurite(script, pidFile);
    }

    public async ValueTask DisposeAsync()
    {
        if (_script is not null && _pidFile is not null)
        {
            await RunScript(_script, ["stop", "--pid-file", _pidFile], CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunScript(string script, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Exception e)
        {
            throw new ClusterUnavailableException($"cannot run {script}: {e.Message}", e);
        }

        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            Task<string> error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                string detail = ((await error.ConfigureAwait(false)) + (await output.ConfigureAwait(false))).ReplaceLineEndings(" ").Trim();
                throw new ClusterUnavailableException($"Azurite did not start ({Path.GetFileName(script)} {arguments[0]} exited with {process.ExitCode}): {detail}. Node.js and npm are needed for the embedded default.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}

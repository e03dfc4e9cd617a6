using System.Diagnostics;
using System.Net.Sockets;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// The Azurite of the embedded default: the one already listening on 127.0.0.1:10000-10002, or one
/// started from deploy/azurite (installed there with npm ci on first use) with its data under the
/// data folder, in its own process group. An Azurite that an embedded run started is stopped by the last
/// embedded run that uses it, when it ends (<see cref="AzuriteLeases"/>); any other is left alone.
/// </summary>
internal sealed class LocalAzurite : IAsyncDisposable
{
    private static readonly int[] Ports = [10000, 10001, 10002];
    private readonly AzuriteLeases? _leases;

    private LocalAzurite(AzuriteLeases? leases)
    {
        _leases = leases;
    }

    public static bool IsListening() => Ports.All(PortOpen);

    public static async Task<LocalAzurite> EnsureAsync(string deployDirectory, string dataDirectory, Action<string> say, CancellationToken cancellationToken) =>
        await EnsureAsync(deployDirectory, dataDirectory, AzuriteLeases.ForPort(Ports[0]), say, cancellationToken).ConfigureAwait(false);

    internal static async Task<LocalAzurite> EnsureAsync(string deployDirectory, string dataDirectory, AzuriteLeases leases, Action<string> say, CancellationToken cancellationToken)
    {
        // Under the registry's lock: another embedded run may be starting Azurite, or stopping it, right now.
        using IDisposable hold = await leases.LockAsync(cancellationToken).ConfigureAwait(false);
        string location = Path.GetFullPath(Path.Combine(dataDirectory, "azurite"));
        if (IsListening())
        {
            if (leases.Owner() is not { } owner)
            {
                return new LocalAzurite(null);
            }

            leases.Join(Environment.ProcessId);
            if (!string.Equals(Path.GetFullPath(owner.Location), location, StringComparison.Ordinal))
            {
                say($"using the Azurite another scalesweep run started on 127.0.0.1:10000-10002 (data in {owner.Location}, not {location})...");
            }

            return new LocalAzurite(leases);
        }

        string script = Path.Combine(deployDirectory, "azurite", "azurite.sh");
        if (!File.Exists(Path.Combine(deployDirectory, "azurite", "node_modules", ".bin", "azurite")))
        {
            say("installing Azurite (npm ci in deploy/azurite, once; about a minute)...");
        }

        say($"starting Azurite on 127.0.0.1:10000-10002 (data in {dataDirectory})...");

        Directory.CreateDirectory(location);
        string pidFile = Path.Combine(dataDirectory, $"azurite-{Environment.ProcessId}.pid");
        await RunScript(script, ["start", "--location", location, "--pid-file", pidFile], cancellationToken).ConfigureAwait(false);
        leases.SetOwner(new AzuriteOwner(Path.GetFullPath(pidFile), location, script));
        leases.Join(Environment.ProcessId);
        return new LocalAzurite(leases);
    }

    public async ValueTask DisposeAsync()
    {
        if (_leases is null)
        {
            return;
        }

        using IDisposable hold = await _leases.LockAsync(CancellationToken.None).ConfigureAwait(false);
        if (_leases.Leave(Environment.ProcessId) is { } owner)
        {
            await RunScript(owner.Script, ["stop", "--pid-file", owner.PidFile], CancellationToken.None).ConfigureAwait(false);
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

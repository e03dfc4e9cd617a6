using System.Diagnostics;
using System.Net.Sockets;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Makes sure an Azurite listens on 127.0.0.1:10000-10002 for the tests: uses the one the test command
/// started, or starts one in memory from deploy/azurite (in its own process group) and stops it after.
/// </summary>
public sealed class Azurite : IDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private readonly string? _pidFile;

    public Azurite()
    {
        if (IsListening())
        {
            return;
        }

        _pidFile = Path.Combine(Path.GetTempPath(), $"scalesweep-e2e-azurite-{Environment.ProcessId}.pid");
        Run($"start --memory --pid-file {_pidFile}");
    }

    public void Dispose()
    {
        if (_pidFile is not null)
        {
            Run($"stop --pid-file {_pidFile}");
        }
    }

    /// <summary>A fresh table/container prefix, so every cluster of every test run has its own store.</summary>
    public static string NewPrefix() => "e" + Guid.NewGuid().ToString("N")[..12];

    private static bool IsListening()
    {
        foreach (int port in new[] { 10000, 10001, 10002 })
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs deploy/azurite/azurite.sh with the arguments; throws with its output when it fails.</summary>
    internal static void Run(string arguments)
    {
        string script = Path.Combine(Repository.Root, "deploy", "azurite", "azurite.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", $"\"{script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {arguments} failed: {error}{output.Result}");
        }
    }
}

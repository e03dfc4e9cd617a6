using System.Diagnostics;
using System.Net.Sockets;

namespace ScaleSweep.Grains.Tests.Infrastructure;

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

        string script = Path.Combine(RepositoryRoot(), "deploy", "azurite", "azurite.sh");
        _pidFile = Path.Combine(Path.GetTempPath(), $"scalesweep-test-azurite-{Environment.ProcessId}.pid");
        Run(script, $"start --memory --pid-file {_pidFile}");
    }

    public void Dispose()
    {
        if (_pidFile is not null)
        {
            Run(Path.Combine(RepositoryRoot(), "deploy", "azurite", "azurite.sh"), $"stop --pid-file {_pidFile}");
        }
    }

    /// <summary>A fresh table/container prefix, so every cluster of every test run has its own store.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cluster.sln not found above " + AppContext.BaseDirectory);
    }

    private static bool IsListening()
    {
        foreach (int port in new[] { 10000, 10002 })
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

    private static void Run(string script, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", $"\"{script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {arguments} failed: {error}");
        }
    }
}

namespace ScaleSweep.Testing;

/// <summary>
/// Makes sure an Azurite listens on 127.0.0.1:10000-10002 for the tests: uses the one the test command
/// started, or starts one in memory from deploy/azurite (in its own process group) and stops it after.
/// A collection fixture of each test project that needs storage.
/// </summary>
public sealed class Azurite : IDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private static readonly int[] Ports = [10000, 10001, 10002];

    private readonly string? _pidFile;

    public Azurite()
    {
        if (Ports.All(FreePorts.Accepts))
        {
            return;
        }

        _pidFile = Path.Combine(Path.GetTempPath(), $"scalesweep-test-azurite-{Environment.ProcessId}.pid");
        AzuriteScript.Run($"start --memory --pid-file {_pidFile}");
    }

    public void Dispose()
    {
        if (_pidFile is not null)
        {
            AzuriteScript.Run($"stop --pid-file {_pidFile}");
        }
    }

    /// <summary>A fresh table/container prefix, so every cluster of every test run has its own store.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}

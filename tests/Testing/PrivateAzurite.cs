using System.Globalization;

namespace ScaleSweep.Testing;

/// <summary>
/// An Azurite of one test's own, persistent in a folder, on free loopback ports: unlike the shared one,
/// the test may stop it (a storage outage) and start it again on the same ports and data. Started by
/// deploy/azurite/azurite.sh in its own process group and stopped by that group.
/// </summary>
public sealed class PrivateAzurite : IDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _pidFile;
    private readonly int _blobPort;
    private readonly int _queuePort;
    private readonly int _tablePort;

    public PrivateAzurite(string location)
    {
        Location = location;
        Directory.CreateDirectory(location);
        _pidFile = Path.Combine(location, "azurite.pid");
        int[] ports = FreePorts.Take(3);
        (_blobPort, _queuePort, _tablePort) = (ports[0], ports[1], ports[2]);
        Start();
    }

    /// <summary>The data folder (--location).</summary>
    public string Location { get; }

    public bool IsRunning { get; private set; }

    /// <summary>The development account at this Azurite's ports.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;");

    /// <summary>Starts it on its ports and folder; returns when the three ports answer.</summary>
    public void Start()
    {
        AzuriteScript.Run(string.Create(CultureInfo.InvariantCulture,
            $"start --location \"{Location}\" --pid-file \"{_pidFile}\" --blob-port {_blobPort} --queue-port {_queuePort} --table-port {_tablePort}"));
        IsRunning = true;
    }

    /// <summary>Stops its process group; the ports refuse connections afterwards.</summary>
    public void Stop()
    {
        AzuriteScript.Run($"stop --pid-file \"{_pidFile}\"");
        IsRunning = false;
    }

    public void Dispose()
    {
        if (File.Exists(_pidFile))
        {
            Stop();
        }
    }
}

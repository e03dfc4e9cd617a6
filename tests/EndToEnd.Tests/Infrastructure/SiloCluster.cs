using System.Globalization;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Several silo processes of one cluster: one cluster id, one storage account and prefix, and per silo
/// (a "slot") fixed loopback ports, so a silo restarted in its slot comes back at the same address.
/// Each start of a slot logs to a file of its own (silo-I.G.log, G counting the starts), all kept in
/// the cluster's folder: the log of a killed silo stays readable. Dispose stops every silo.
/// </summary>
public sealed class SiloCluster : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly int[] _siloPorts;
    private readonly int[] _gatewayPorts;
    private readonly SiloProcess?[] _silos;
    private readonly int[] _generations;
    private readonly List<string> _logFiles = [];
    private readonly object _lock = new();

    /// <param name="directory">Where the logs go (created).</param>
    /// <param name="size">Number of slots.</param>
    /// <param name="clustering">"Localhost" (slot 0 is the primary) or "AzureStorage".</param>
    /// <param name="workers">Worker slots of each silo.</param>
    /// <param name="connectionString">Storage of the cluster.</param>
    /// <param name="environment">More environment variables for every silo.</param>
    public SiloCluster(string directory, int size, string clustering, int workers, string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(directory);
        DirectoryPath = directory;
        Size = size;
        Clustering = clustering;
        Workers = workers;
        ConnectionString = connectionString;
        Environment = environment ?? new Dictionary<string, string>();
        ClusterId = "faults-" + Guid.NewGuid().ToString("N")[..10];
        Prefix = Azurite.NewPrefix();
        int[] ports = FreePorts.Take(2 * size);
        _siloPorts = ports[..size];
        _gatewayPorts = ports[size..];
        _silos = new SiloProcess?[size];
        _generations = new int[size];
    }

    public string DirectoryPath { get; }

    public int Size { get; }

    public string Clustering { get; }

    public int Workers { get; }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    /// <summary>The storage prefix: tables and containers of this cluster alone.</summary>
    public string Prefix { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The process of the slot's latest start (it may have died since).</summary>
    public SiloProcess this[int slot] => _silos[slot] ?? throw new InvalidOperationException($"silo {slot} was never started");

    /// <summary>The slot's gateway (the CLI's --gateway), whether or not a silo listens there now.</summary>
    public string Gateway(int slot) => "127.0.0.1:" + _gatewayPorts[slot].ToString(CultureInfo.InvariantCulture);

    /// <summary>The log source name of a slot's latest start, as in <see cref="RunEvent.Source"/>.</summary>
    public string Source(int slot) => Path.GetFileNameWithoutExtension(this[slot].LogFile);

    /// <summary>Starts every slot: with Localhost clustering the primary first, then the others together.</summary>
    public async Task StartAllAsync()
    {
        int first = 0;
        if (Clustering == "Localhost")
        {
            await StartAsync(0);
            first = 1;
        }

        await Task.WhenAll(Enumerable.Range(first, Size - first).Select(StartAsync));
    }

    /// <summary>Starts the slot's silo (again), on its ports, logging to a new file; returns when its gateway answers.</summary>
    public async Task<SiloProcess> StartAsync(int slot)
    {
        string logFile;
        lock (_lock)
        {
            if (_silos[slot] is { IsRunning: true })
            {
                throw new InvalidOperationException($"silo {slot} is running");
            }

            logFile = Path.Combine(DirectoryPath, $"silo-{slot}.{_generations[slot]++}.log");
            _logFiles.Add(logFile);
        }

        // A silo killed a moment ago may still hold its ports while its last threads exit.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((FreePorts.Accepts(_siloPorts[slot]) || FreePorts.Accepts(_gatewayPorts[slot])) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        var settings = new SiloSettings
        {
            ClusterId = ClusterId,
            Clustering = Clustering,
            SiloPort = _siloPorts[slot],
            GatewayPort = _gatewayPorts[slot],
            PrimarySiloPort = _siloPorts[0],
            ConnectionString = ConnectionString,
            Prefix = Prefix,
            Workers = Workers,
            LogFile = logFile,
            Environment = Environment,
        };
        SiloProcess silo = await SiloProcess.StartAsync(settings, StartTimeout);
        _silos[slot] = silo;
        return silo;
    }

    /// <summary>Every line of every log of every start, oldest start first within a slot.</summary>
    public IReadOnlyList<SiloLogLine> Lines()
    {
        string[] files;
        lock (_lock)
        {
            files = [.. _logFiles];
        }

        var lines = new List<SiloLogLine>();
        foreach (string file in files)
        {
            string text;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                text = reader.ReadToEnd();
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            lines.AddRange(SiloLog.Parse(text, Path.GetFileNameWithoutExtension(file)));
        }

        return lines;
    }

    /// <summary>The run grains' events of every log, in time order.</summary>
    public IReadOnlyList<RunEvent> RunEvents() => SiloLog.RunEvents(Lines()).OrderBy(e => e.Time).ToList();

    /// <summary>The last lines of every log, for a failure message.</summary>
    public string LogTails(int lines = 40)
    {
        SiloProcess?[] silos = _silos;
        return string.Join("\n", silos.Where(s => s is not null).Select(s => s!.LogTail(lines)));
    }

    public void Dispose()
    {
        foreach (SiloProcess? silo in _silos)
        {
            silo?.Dispose();
        }
    }
}

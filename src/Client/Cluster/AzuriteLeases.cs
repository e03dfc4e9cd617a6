using System.Globalization;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// Who uses the Azurite that an embedded `scalesweep` started, so that the last one out stops it, not the
/// first: two embedded runs at once share one Azurite on 127.0.0.1:10000, and the one that started it used to
/// stop it when it ended, under the other's sweep (which then retried its storage for minutes). The registry is a
/// folder: <c>owner</c> names the Azurite's pid file, its data location and the script that stops it;
/// <c>users/{pid}</c> is a lease per process using it; <c>lock</c> serializes every decision across processes.
/// An Azurite that no embedded run started (a local cluster's, a test's) has no owner and is never stopped here.
/// </summary>
internal sealed class AzuriteLeases
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(3);
    private readonly string _folder;
    private readonly Func<int, bool> _isAlive;

    /// <param name="folder">The registry folder (one per Azurite port).</param>
    /// <param name="isAlive">Whether a process id is a live process (tests pass their own).</param>
    public AzuriteLeases(string folder, Func<int, bool>? isAlive = null)
    {
        _folder = folder;
        _isAlive = isAlive ?? IsProcessAlive;
    }

    /// <summary>
    /// The registry of the Azurite on 127.0.0.1:<paramref name="port"/>, in the temp folder; on Linux one per
    /// network namespace too, whose loopback is another Azurite's.
    /// </summary>
    public static AzuriteLeases ForPort(int port) =>
        new(Path.Combine(Path.GetTempPath(), "scalesweep-azurite-" + port.ToString(CultureInfo.InvariantCulture) + NetworkNamespace()));

    // "-4026531840" for net:[4026531840]; empty where there is no such link.
    private static string NetworkNamespace()
    {
        try
        {
            string? target = new FileInfo("/proc/self/ns/net").LinkTarget;
            string digits = new((target ?? "").Where(char.IsAsciiDigit).ToArray());
            return digits.Length > 0 ? "-" + digits : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private string OwnerFile => Path.Combine(_folder, "owner");

    private string Users => Path.Combine(_folder, "users");

    /// <summary>Holds the registry's lock until disposed; waits for another process's hold to end.</summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        DateTime until = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(_folder, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The live Azurite an embedded run started, if the listening one is that (call under the lock).</summary>
    public AzuriteOwner? Owner()
    {
        if (!File.Exists(OwnerFile))
        {
            return null;
        }

        string[] lines = File.ReadAllLines(OwnerFile);
        if (lines.Length >= 3 && File.Exists(lines[0])
            && int.TryParse(File.ReadAllText(lines[0]).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid)
            && _isAlive(pid))
        {
            return new AzuriteOwner(lines[0], lines[1], lines[2]);
        }

        // Its Azurite is gone (killed, or the machine restarted): whatever listens now is someone else's.
        File.Delete(OwnerFile);
        return null;
    }

    /// <summary>Records the Azurite this process started (call under the lock).</summary>
    public void SetOwner(AzuriteOwner owner)
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllLines(OwnerFile, [owner.PidFile, owner.Location, owner.Script]);
    }

    /// <summary>Adds this process's lease (call under the lock).</summary>
    public void Join(int pid)
    {
        Directory.CreateDirectory(Users);
        File.WriteAllText(Path.Combine(Users, pid.ToString(CultureInfo.InvariantCulture)), "");
    }

    /// <summary>
    /// Removes this process's lease and those of dead processes (call under the lock).
    /// </summary>
    /// <returns>The owner to stop when no live process holds a lease any more; null otherwise.</returns>
    public AzuriteOwner? Leave(int pid)
    {
        File.Delete(Path.Combine(Users, pid.ToString(CultureInfo.InvariantCulture)));
        int live = 0;
        if (Directory.Exists(Users))
        {
            foreach (string lease in Directory.GetFiles(Users))
            {
                if (int.TryParse(Path.GetFileName(lease), NumberStyles.Integer, CultureInfo.InvariantCulture, out int user) && _isAlive(user))
                {
                    live++;
                }
                else
                {
                    File.Delete(lease);
                }
            }
        }

        if (live > 0 || Owner() is not { } owner)
        {
            return null;
        }

        File.Delete(OwnerFile);
        return owner;
    }

    private static bool IsProcessAlive(int pid)
    {
        // /proc is Linux's; elsewhere ask the runtime (which throws for a pid that is not running).
        if (Directory.Exists("/proc/self"))
        {
            return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>An Azurite an embedded run started: its pid file, data location and the script that stops it.</summary>
internal sealed record AzuriteOwner(string PidFile, string Location, string Script);

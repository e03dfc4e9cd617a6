using System.Globalization;
using System.Net;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The TCP sockets a process listens on, read from Linux's /proc: its file descriptors name socket
/// inodes, and /proc/PID/net/tcp and tcp6 (its network namespace's tables) give each inode's local
/// address and state (0A: LISTEN).
/// </summary>
public static class ListeningSockets
{
    private const string Listen = "0A";

    /// <summary>The local endpoints of the process's listening TCP sockets; IPv4-mapped IPv6 addresses as IPv4.</summary>
    public static IReadOnlyList<IPEndPoint> Of(int pid)
    {
        string proc = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture));
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string fd in Directory.EnumerateFileSystemEntries(Path.Combine(proc, "fd")))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // A descriptor closed while the folder was read.
            }
        }

        var endpoints = new List<IPEndPoint>();
        foreach (string table in new[] { "tcp", "tcp6" })
        {
            foreach (string line in File.ReadLines(Path.Combine(proc, "net", table)).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && inodes.Contains(fields[9]))
                {
                    endpoints.Add(Parse(fields[1]));
                }
            }
        }

        return endpoints;
    }

    /// <summary>The id of the one process whose command line contains <paramref name="argument"/>, or null.</summary>
    public static int? ProcessWithArgument(string argument)
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Contains(argument))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    /// <summary>"0100007F:2B67" (IPv4) or 32 hex digits and a port (IPv6): each 32-bit word in host (little-endian) order.</summary>
    private static IPEndPoint Parse(string text)
    {
        string[] parts = text.Split(':');
        byte[] bytes = Convert.FromHexString(parts[0]);
        for (int word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        var address = new IPAddress(bytes);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return new IPEndPoint(address, int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}

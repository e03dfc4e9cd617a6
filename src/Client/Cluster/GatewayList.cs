using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// The gateways of --gateway or SCALESWEEP_GATEWAY: "HOST:PORT" or a comma-separated list of them. The CLI
/// connects to every one it can reach and sends each call through a live one, so the loss of one gateway
/// (its machine, its silo, its link) does not stop a command; one reachable gateway is enough to start.
/// </summary>
internal static class GatewayList
{
    /// <summary>Parses the list; a malformed entry is a usage error naming it, an unknown host name is unavailable.</summary>
    public static IReadOnlyList<IPEndPoint> Parse(string text)
    {
        string[] entries = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            throw new UsageException($"--gateway must be HOST:PORT with a port from 1 to 65535, or a comma-separated list of them, e.g. 127.0.0.1:30000; got '{text}'.");
        }

        var endpoints = new List<IPEndPoint>(entries.Length);
        foreach (string entry in entries)
        {
            IPEndPoint endpoint = ParseOne(entry, text);
            if (!endpoints.Contains(endpoint))
            {
                endpoints.Add(endpoint);
            }
        }

        return endpoints;
    }

    /// <summary>"10.0.0.5:30000, 10.0.0.6:30000" for messages.</summary>
    public static string Describe(IReadOnlyList<IPEndPoint> gateways) =>
        string.Join(", ", gateways.Select(g => g.ToString()));

    private static IPEndPoint ParseOne(string entry, string text)
    {
        int colon = entry.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            string where = entry == text ? "" : $" (in '{text}')";
            throw new UsageException(
                $"--gateway must be HOST:PORT with a port from 1 to 65535, or a comma-separated list of them, e.g. 127.0.0.1:30000; got '{entry}'{where}.");
        }

        string host = entry[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out IPAddress? address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            IPAddress[] addresses = Dns.GetHostAddresses(host);
            IPAddress? chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            if (chosen is not null)
            {
                return new IPEndPoint(chosen, port);
            }
        }
        catch (SocketException)
        {
        }

        throw new ClusterUnavailableException($"cannot resolve the gateway host '{host}' of --gateway {text}.");
    }
}

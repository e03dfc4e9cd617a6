using System.CommandLine;
using System.Globalization;
using System.Net;
using ScaleSweep.Client.Options;

namespace ScaleSweep.Client.Cluster;

/// <summary>The options every cluster command shares: where the cluster is, or how to run the embedded one.</summary>
internal sealed class ClusterCommandOptions
{
    public const string GatewayVariable = "SCALESWEEP_GATEWAY";

    public readonly Option<string?> Gateway = new("--gateway")
    {
        Description = $"HOST:PORT of a running cluster's gateway (default: ${GatewayVariable}; without either, an embedded silo runs in this process).",
        HelpName = "host:port",
    };

    public readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "Cluster id of the silos behind --gateway.",
        DefaultValueFactory = _ => "scalesweep",
    };

    public readonly Option<string?> Deploy = new("--deploy")
    {
        Description = $"The repository's deploy/ folder, for the embedded silo's Azurite (default: ${DeployLocator.EnvironmentVariable}, or found above the working directory).",
        HelpName = "dir",
    };

    public readonly Option<string?> Data = new("--data")
    {
        Description = "Data folder of the embedded silo's storage (default: deploy/local/data). Runs stored there are reused.",
        HelpName = "dir",
    };

    public readonly Option<long?> Workers = OptionFactory.OptionalInteger(
        "--workers", 1, 1024, "Worker slots of the embedded silo. [default: one per core]", "workers must be an integer from 1 to 1024.");

    public void AddTo(Command command)
    {
        command.Options.Add(Gateway);
        command.Options.Add(ClusterId);
        command.Options.Add(Deploy);
        command.Options.Add(Data);
        command.Options.Add(Workers);
    }

    /// <summary>Connects to the gateway, or starts the embedded silo (a read-only one for commands that only read).</summary>
    public async Task<IClusterSession> OpenAsync(ParseResult parse, Action<string> say, bool readOnly, CancellationToken cancellationToken)
    {
        string? gateway = parse.GetValue(Gateway) ?? Environment.GetEnvironmentVariable(GatewayVariable);
        if (!string.IsNullOrWhiteSpace(gateway))
        {
            IPEndPoint endpoint = ParseEndpoint(gateway);
            return await GatewaySession.ConnectAsync(endpoint, parse.GetValue(ClusterId)!, "scalesweep", cancellationToken).ConfigureAwait(false);
        }

        long? workers = parse.GetValue(Workers);
        var settings = new EmbeddedSettings(parse.GetValue(Deploy), parse.GetValue(Data), workers is null ? null : (int)workers, readOnly);
        return await EmbeddedSession.StartAsync(settings, say, cancellationToken).ConfigureAwait(false);
    }

    private static IPEndPoint ParseEndpoint(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new UsageException($"--gateway must be HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:30000; got '{text}'.");
        }

        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out IPAddress? address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            IPAddress[] addresses = Dns.GetHostAddresses(host);
            IPAddress? chosen = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            if (chosen is not null)
            {
                return new IPEndPoint(chosen, port);
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
        }

        throw new ClusterUnavailableException($"cannot resolve the gateway host '{host}' of --gateway {text}.");
    }
}

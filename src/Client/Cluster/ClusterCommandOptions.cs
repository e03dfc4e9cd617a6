using System.CommandLine;
using System.Net;
using ScaleSweep.Client.Options;

namespace ScaleSweep.Client.Cluster;

/// <summary>The options every cluster command shares: where the cluster is, or how to run the embedded one.</summary>
internal sealed class ClusterCommandOptions
{
    public const string GatewayVariable = "SCALESWEEP_GATEWAY";

    public readonly Option<string?> Gateway = new("--gateway")
    {
        Description = $"HOST:PORT of a running cluster's gateway, or a comma-separated list of them: the CLI goes on through the others when one dies (default: ${GatewayVariable}; without either, an embedded silo runs in this process).",
        HelpName = "host:port,...",
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
            IReadOnlyList<IPEndPoint> gateways = GatewayList.Parse(gateway);
            return await GatewaySession.ConnectAsync(gateways, parse.GetValue(ClusterId)!, "scalesweep", cancellationToken).ConfigureAwait(false);
        }

        long? workers = parse.GetValue(Workers);
        var settings = new EmbeddedSettings(parse.GetValue(Deploy), parse.GetValue(Data), workers is null ? null : (int)workers, readOnly);
        return await EmbeddedSession.StartAsync(settings, say, cancellationToken).ConfigureAwait(false);
    }
}

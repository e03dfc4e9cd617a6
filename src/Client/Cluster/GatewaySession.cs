using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// An Orleans client connected to a running cluster through its gateways: each call goes through a live
/// one, and a gateway that dies is dropped from the rotation (see <see cref="GatewayList"/>).
/// </summary>
internal sealed class GatewaySession : IClusterSession
{
    private readonly IHost _host;

    private GatewaySession(IHost host, string description)
    {
        _host = host;
        Description = description;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    public IGrainFactory Grains { get; }

    public string Description { get; }

    public bool IsEmbedded => false;

    /// <summary>Connects through whichever gateways answer, or throws <see cref="ClusterUnavailableException"/> naming them all.</summary>
    public static async Task<GatewaySession> ConnectAsync(IReadOnlyList<IPEndPoint> gateways, string clusterId, string serviceId, CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(gateways.ToArray());
            client.AddActivityPropagation();
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));

            // A call to a silo cut off from the network waits this long before it is retried elsewhere
            // (Orleans' default is 30 s); the silo is declared dead within seconds, its grains move.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15));
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });

        IHost host = builder.Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await host.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            string which = gateways.Count == 1 ? $"the gateway {gateways[0]}" : $"any of the gateways {GatewayList.Describe(gateways)}";
            throw new ClusterUnavailableException(
                $"cannot reach {which} (cluster '{clusterId}'): {e.GetBaseException().Message}. Is a silo running there?", e);
        }

        return new GatewaySession(host, gateways.Count == 1 ? $"gateway {gateways[0]}" : $"gateways {GatewayList.Describe(gateways)}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }
}

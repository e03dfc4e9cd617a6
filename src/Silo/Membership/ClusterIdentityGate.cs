using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using ScaleSweep.Grains.Abstractions;
using ScaleSweep.Grains.Hosting;

namespace ScaleSweep.Silo.Membership;

/// <summary>
/// Keeps a silo out of a cluster it does not belong to, before it starts: with AzureStorage
/// clustering, each cluster id has one row in the table "{prefix}clusters" naming its service id and
/// wire version (<see cref="ClusterIdentity"/>); the first silo writes it, and a silo whose identity
/// differs is refused (<see cref="ClusterIdentityVerdict.For"/>) without touching the membership
/// table, so the running silos never see it. Orleans alone would let it in: it compares only cluster
/// ids when silos connect.
/// </summary>
public static class ClusterIdentityGate
{
    /// <summary>The silo's exit code when it is refused.</summary>
    public const int ExitCode = 3;

    /// <summary>Row key of the identity row; its partition key is the cluster id.</summary>
    public const string RowKey = "identity";

    /// <summary>The table of identity rows for a storage prefix.</summary>
    public static string TableName(string prefix) => prefix + "clusters";

    /// <summary>
    /// Null when the silo of this host may start (storing or updating its cluster's identity as
    /// <see cref="ClusterIdentityVerdict.For"/> says); else the one line to print before exiting with
    /// <see cref="ExitCode"/>. Localhost clustering (one machine, a cluster of its own) is not checked.
    /// </summary>
    public static async Task<string?> RefusalAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        SiloOptions silo = services.GetRequiredService<IConfiguration>().GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        if (silo.Clustering != "AzureStorage")
        {
            return null;
        }

        // The effective ids: Kubernetes hosting may have set them from the pod's environment.
        string clusterId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        var own = new ClusterIdentity(services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, WireFormat.Version);
        string table = TableName(services.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix);
        try
        {
            // The membership table's client: the same account and credentials.
            TableServiceClient account = services.GetRequiredService<IOptions<AzureStorageClusteringOptions>>().Value.TableServiceClient
                ?? throw new InvalidOperationException("the AzureStorage clustering has no table client");
            TableClient client = account.GetTableClient(table);
            await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterIdentityGate).FullName!);

            // Each pass reads the row and acts on it; a write that another silo's write beat reads again.
            for (int pass = 0; pass < 5; pass++)
            {
                NullableResponse<TableEntity> response = await client.GetEntityIfExistsAsync<TableEntity>(clusterId, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                TableEntity? row = response.HasValue ? response.Value : null;
                ClusterIdentity? stored = row is null ? null : new ClusterIdentity(row.GetString(nameof(ClusterIdentity.ServiceId)) ?? "", row.GetInt32(nameof(ClusterIdentity.WireVersion)) ?? 0);
                int running = stored is null || stored.WireVersion == own.WireVersion ? 0 : await RunningSilosAsync(services, cancellationToken).ConfigureAwait(false);
                ClusterIdentityVerdict verdict = ClusterIdentityVerdict.For(clusterId, own, stored, () => running);
                switch (verdict.Action)
                {
                    case ClusterIdentityAction.Join:
                        return null;
                    case ClusterIdentityAction.Refuse:
                        return verdict.Refusal;
                    case ClusterIdentityAction.Create when await TryWriteAsync(client, clusterId, own, ETag.All, create: true, cancellationToken).ConfigureAwait(false):
                        logger.LogInformation("Cluster {ClusterId} is service {ServiceId}, wire format version {WireVersion} (stored in table {Table})", clusterId, own.ServiceId, own.WireVersion, table);
                        return null;
                    case ClusterIdentityAction.Replace when await TryWriteAsync(client, clusterId, own, row!.ETag, create: false, cancellationToken).ConfigureAwait(false):
                        logger.LogWarning("Cluster {ClusterId} moves from wire format version {Old} to {New}: none of its silos was running", clusterId, stored!.WireVersion, own.WireVersion);
                        return null;
                }
            }

            return $"scalesweep-silo: refused to join cluster '{clusterId}': its identity in table {table} kept changing while this silo read it; start it again";
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            // Only the status: an exception's message may carry the account's address and request details.
            string answer = e is RequestFailedException failed
                ? string.Create(CultureInfo.InvariantCulture, $"storage answered {failed.Status} {failed.ErrorCode}")
                : "storage did not answer";
            return $"scalesweep-silo: cannot check the identity of cluster '{clusterId}' in table {table}: {answer}";
        }
    }

    /// <summary>Silos of the cluster that are joining or active and told the membership table so lately.</summary>
    private static async Task<int> RunningSilosAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        IMembershipTable membership = services.GetRequiredService<IMembershipTable>();
        await membership.InitializeMembershipTableAsync(tryInitTableVersion: false, cancellationToken).ConfigureAwait(false);
        MembershipTableData data = await membership.ReadAllAsync(cancellationToken).ConfigureAwait(false);

        // Orleans' own measure of a silo that stopped saying it is alive (a killed one stays "Active").
        ClusterMembershipOptions options = services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        DateTime since = DateTime.UtcNow - options.IAmAliveTablePublishTimeout * options.NumMissedTableIAmAliveLimit;
        return data.Members.Count(m => m.Item1.Status is SiloStatus.Active or SiloStatus.Joining
            && (m.Item1.IAmAliveTime > m.Item1.StartTime ? m.Item1.IAmAliveTime : m.Item1.StartTime) >= since);
    }

    private static async Task<bool> TryWriteAsync(TableClient client, string clusterId, ClusterIdentity identity, ETag etag, bool create, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(clusterId, RowKey)
        {
            [nameof(ClusterIdentity.ServiceId)] = identity.ServiceId,
            [nameof(ClusterIdentity.WireVersion)] = identity.WireVersion,
        };
        try
        {
            if (create)
            {
                await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await client.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}

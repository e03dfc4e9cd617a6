using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Results;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Grains.Warmup;

namespace ScaleSweep.Grains.Tests.Warmup;

/// <summary>
/// The cluster part of a silo's warm-up (<see cref="ClusterWarmup"/>): its scratch sweep goes through the
/// silos and the storage, and leaves nothing behind: no row in the results table, no blob, no run counted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClusterWarmupTests
{
    [Fact]
    public async Task A_round_reaches_every_silo_and_storage_and_leaves_nothing_stored()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2, workers: 1);
        IServiceProvider silo = cluster.Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services;
        RunResultTable rows = silo.GetRequiredService<RunResultTable>();
        var warmup = new ClusterWarmup(silo.GetRequiredService<IGrainFactory>(), rows);
        long[] writesBefore = cluster.SiloServices<RunResultTable>().Select(r => r.Writes.Rows).ToArray();

        var clock = Stopwatch.StartNew();
        bool done = await warmup.RoundAsync(Guid.NewGuid(), 0, clock, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.True(done, $"the round did not finish in {clock.Elapsed}");

        // Every run's row was written through the batch writer, on both silos (runs are placed over the cluster).
        long[] written = cluster.SiloServices<RunResultTable>().Select(r => r.Writes.Rows).ToArray();
        Assert.All(written.Zip(writesBefore), w => Assert.True(w.First > w.Second, $"a silo wrote no scratch row ({w.Second} -> {w.First})"));
        Assert.Equal(warmup.RunsPerRound, written.Sum() - writesBefore.Sum());

        // ... and deleted with the round; the group records' blobs too.
        StorageAccount account = StorageAccount.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString });
        TableClient table = account.TableService.GetTableClient(cluster.Prefix + "results");
        int left = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"warmup-"} and PartitionKey lt {"warmup."}")))
        {
            left++;
        }

        Assert.Equal(0, left);
        BlobContainerClient sweeps = account.BlobService.GetBlobContainerClient($"{cluster.Prefix}-{StorageNames.Sweeps}");
        Assert.True(await sweeps.ExistsAsync());
        var blobs = new List<string>();
        await foreach (BlobItem blob in sweeps.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Empty(blobs);
    }
}

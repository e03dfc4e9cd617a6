using ScaleSweep.Grains.Results;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Silo;

namespace ScaleSweep.Grains.Tests.Hosting;

/// <summary>
/// Every storage client of a silo (grain storages, reminders, membership) is the one of its
/// <see cref="StorageAccount"/>: configured endpoints reach all of them. The host is built, never started.
/// </summary>
public sealed class StorageWiringTests
{
    private static readonly Dictionary<string, string?> Endpoints = new()
    {
        ["ScaleSweep:Silo:Clustering"] = "AzureStorage",
        ["ScaleSweep:Storage:BlobServiceUri"] = "https://sweepdata.blob.core.windows.net",
        ["ScaleSweep:Storage:TableServiceUri"] = "https://sweepdata.table.core.windows.net",
        ["ScaleSweep:Telemetry:PrometheusPort"] = "0",
    };

    [Fact]
    public void GrainStoragesRemindersAndMembershipAllUseTheConfiguredAccount()
    {
        using IHost host = Build(Endpoints);
        StorageAccount account = host.Services.GetRequiredService<StorageAccount>();
        Assert.IsType<DefaultAzureCredential>(account.Credential);
        Assert.Equal(new Uri("https://sweepdata.table.core.windows.net"), account.TableService.Uri);

        Assert.Same(account.TableService, host.Services.GetRequiredService<RunResultTable>().TableService);
        var blobs = host.Services.GetRequiredService<IOptionsMonitor<AzureBlobStorageOptions>>();
        foreach (string name in new[] { StorageNames.Curves, StorageNames.Checkpoints, StorageNames.Sweeps })
        {
            Assert.Same(account.BlobService, blobs.Get(name).BlobServiceClient);
        }

        Assert.Same(account.TableService, host.Services.GetRequiredService<IOptions<Orleans.Reminders.AzureStorage.AzureTableReminderStorageOptions>>().Value.TableServiceClient);
        Assert.Same(account.TableService, host.Services.GetRequiredService<IOptions<Orleans.Clustering.AzureStorage.AzureStorageClusteringOptions>>().Value.TableServiceClient);
    }

    [Fact]
    public void ConflictingSettingsStopTheSiloBeforeAnyClientIsMade()
    {
        using IHost host = Build(new Dictionary<string, string?>(Endpoints) { ["ScaleSweep:Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<StorageAccount>());

        Assert.Equal("ScaleSweep:Storage: set either ConnectionString or BlobServiceUri and TableServiceUri (or AccountName), not both", Assert.Single(error.Failures));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.ConfigureScaleSweepSilo(builder.Configuration));
        return builder.Build();
    }
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Sweeps;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Hosting;

/// <summary>Adds ScaleSweep's grains, worker pool, placement and Azure Storage providers to a silo.</summary>
public static class ScaleSweepSiloBuilderExtensions
{
    /// <summary>
    /// Everything a silo needs to host sweeps, with options bound from <paramref name="configuration"/>
    /// ("ScaleSweep:Workers", "ScaleSweep:Limits", "ScaleSweep:Storage"). Clustering is the host's choice.
    /// </summary>
    public static ISiloBuilder AddScaleSweep(this ISiloBuilder builder, IConfiguration configuration)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<WorkerPoolOptions>().Bind(configuration.GetSection(WorkerPoolOptions.Section));
        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection(DispatchOptions.Section));
        services.AddOptions<SweepLimits>().Bind(configuration.GetSection(SweepLimits.SectionName));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => IsValidPrefix(o.Prefix), "ScaleSweep:Storage:Prefix must be 3-20 lower-case letters and digits, starting with a letter");

        services.TryAddSingleton<ISimulationFactory, NumericsSimulationFactory>();
        services.AddSingleton<WorkerPool>();
        services.AddSingleton<ClusterLoadView>();
        services.AddSingleton<WorkerLoadPublisher>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WorkerLoadPublisher>());
        services.AddPlacementDirector<LeastBusyPlacement, LeastBusyPlacementDirector>();

        builder.AddAzureTableGrainStorage(StorageNames.Runs, options => options.Configure<IOptions<StorageOptions>, IServiceProvider>((o, storage, sp) =>
        {
            o.TableServiceClient = new TableServiceClient(storage.Value.ConnectionString);
            o.TableName = storage.Value.Prefix + "runs";
            o.GrainStorageSerializer = sp.GetRequiredService<OrleansGrainStorageSerializer>();
        }));
        foreach (string name in new[] { StorageNames.Curves, StorageNames.Checkpoints, StorageNames.Sweeps })
        {
            builder.AddAzureBlobGrainStorage(name, options => options.Configure<IOptions<StorageOptions>, IServiceProvider>((o, storage, sp) =>
            {
                o.BlobServiceClient = new BlobServiceClient(storage.Value.ConnectionString);
                o.ContainerName = $"{storage.Value.Prefix}-{name}";
                o.GrainStorageSerializer = sp.GetRequiredService<OrleansGrainStorageSerializer>();
            }));
        }

        // A sweep that was running when every silo died resumes by itself when the cluster is back: its
        // reminder, stored beside the grain state, activates it again.
        builder.UseAzureTableReminderService(options => options.Configure<IOptions<StorageOptions>>((o, storage) =>
        {
            o.TableServiceClient = new TableServiceClient(storage.Value.ConnectionString);
            o.TableName = storage.Value.Prefix + "reminders";
        }));

        // Binary, version-tolerant and exact for doubles (JSON would round-trip them only by luck of formatting).
        services.AddSingleton<OrleansGrainStorageSerializer>();
        builder.AddScaleSweepInstrumentation();
        return builder;
    }

    private static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 3 and <= 20 && char.IsAsciiLetterLower(prefix[0]) && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}

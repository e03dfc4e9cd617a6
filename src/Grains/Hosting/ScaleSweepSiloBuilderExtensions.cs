using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Grains.Membership;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Results;
using ScaleSweep.Grains.Sweeps;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Grains.Warmup;
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
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        // Every storage client of the silo comes from this one account (see StorageAccount).
        services.TryAddSingleton(sp => StorageAccount.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));

        services.TryAddSingleton<ISimulationFactory, NumericsSimulationFactory>();
        services.AddSingleton<WorkerPool>();
        services.AddSingleton<ClusterLoadView>();
        services.AddSingleton<WorkerLoadPublisher>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WorkerLoadPublisher>());
        services.AddSingleton<MembershipFence>();
        services.AddSingleton<MembershipLog>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<MembershipLog>());
        services.AddPlacementDirector<LeastBusyPlacement, LeastBusyPlacementDirector>();

        // Runs' rows (state and curve), written in batches per group: not Orleans grain storage, which writes one row a call.
        services.AddSingleton<RunResultTable>();
        foreach (string name in new[] { StorageNames.Curves, StorageNames.Checkpoints, StorageNames.Sweeps })
        {
            builder.AddAzureBlobGrainStorage(name, options => options.Configure<IOptions<StorageOptions>, StorageAccount, IServiceProvider>((o, storage, account, sp) =>
            {
                o.BlobServiceClient = account.BlobService;
                o.ContainerName = $"{storage.Value.Prefix}-{name}";
                o.GrainStorageSerializer = sp.GetRequiredService<OrleansGrainStorageSerializer>();
            }));
        }

        // A sweep that was running when every silo died resumes by itself when the cluster is back: its
        // reminder, stored beside the grain state, activates it again.
        builder.UseAzureTableReminderService(options => options.Configure<IOptions<StorageOptions>, StorageAccount>((o, storage, account) =>
        {
            o.TableServiceClient = account.TableService;
            o.TableName = storage.Value.Prefix + "reminders";
        }));

        // Binary, version-tolerant and exact for doubles (JSON would round-trip them only by luck of formatting).
        services.AddSingleton<OrleansGrainStorageSerializer>();
        builder.AddScaleSweepInstrumentation();
        return builder;
    }

    /// <summary>
    /// The start-up warm-up (<see cref="SiloWarmup"/>), options bound from "ScaleSweep:Warmup": added by the silo
    /// program's host (<c>ConfigureScaleSweepSilo</c>), not by <see cref="AddScaleSweep"/>, so test clusters start without it.
    /// </summary>
    public static ISiloBuilder AddScaleSweepWarmup(this ISiloBuilder builder, IConfiguration configuration)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<WarmupOptions>().Bind(configuration.GetSection(WarmupOptions.Section));
        services.TryAddSingleton<SiloWarmup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloWarmup>());
        return builder;
    }
}

using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>Builds in-process test clusters of ScaleSweep silos on Azurite, each with its own store.</summary>
public static class ClusterFactory
{
    /// <summary>Starts <paramref name="silos"/> silos with <paramref name="workers"/> worker slots each.</summary>
    public static Task<TestCluster> StartAsync(int silos, int workers = 1, string? prefix = null, IDictionary<string, string?>? settings = null) =>
        StartAsync<TestSiloConfigurator>(silos, workers, prefix, settings);

    /// <summary>As above, with silos configured by <typeparamref name="TConfigurator"/>.</summary>
    public static async Task<TestCluster> StartAsync<TConfigurator>(int silos, int workers = 1, string? prefix = null, IDictionary<string, string?>? settings = null)
        where TConfigurator : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder((short)silos);
        string storagePrefix = prefix ?? Azurite.NewPrefix();

        // Table storage keys grain state by service id: a cluster restarted on the same store must keep it.
        builder.Options.ServiceId = storagePrefix;
        var values = new Dictionary<string, string?>
        {
            ["ScaleSweep:Storage:ConnectionString"] = Azurite.ConnectionString,
            ["ScaleSweep:Storage:Prefix"] = storagePrefix,
            ["ScaleSweep:Workers:Count"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(values));
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

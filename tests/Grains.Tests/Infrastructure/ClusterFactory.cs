using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>Builds in-process test clusters of ScaleSweep silos on Azurite, each with its own store.</summary>
public static class ClusterFactory
{
    /// <summary>Starts <paramref name="silos"/> silos with <paramref name="workers"/> worker slots each.</summary>
    public static async Task<TestCluster> StartAsync(int silos, int workers = 1, string? prefix = null, IDictionary<string, string?>? settings = null)
    {
        var builder = new TestClusterBuilder((short)silos);
        var values = new Dictionary<string, string?>
        {
            ["ScaleSweep:Storage:ConnectionString"] = Azurite.ConnectionString,
            ["ScaleSweep:Storage:Prefix"] = prefix ?? Azurite.NewPrefix(),
            ["ScaleSweep:Workers:Count"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(values));
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

using System.Globalization;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using ScaleSweep.Grains.Tests.Infrastructure;

namespace ScaleSweep.Grains.Tests.Telemetry;

/// <summary>Test clusters like <see cref="ClusterFactory"/>'s, whose client propagates the trace context too.</summary>
public static class TelemetryClusters
{
    public static async Task<TestCluster> StartAsync(int silos, int workers = 1)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScaleSweep:Storage:ConnectionString"] = Azurite.ConnectionString,
            ["ScaleSweep:Storage:Prefix"] = Azurite.NewPrefix(),
            ["ScaleSweep:Workers:Count"] = workers.ToString(CultureInfo.InvariantCulture),
        }));
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PropagatingClient>();
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The silos get activity propagation from AddScaleSweep; the test's client needs it as well.</summary>
    public sealed class PropagatingClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddActivityPropagation();
    }
}

using Orleans.TestingHost;
using ScaleSweep.Grains.Hosting;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>Adds ScaleSweep to each test silo, with the test cluster's configuration (storage prefix, workers).</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddScaleSweep(siloBuilder.Configuration);
}

using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>The silos get activity propagation from AddScaleSweep; a test's client that starts a trace needs it as well.</summary>
public sealed class TracePropagatingClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddActivityPropagation();
}

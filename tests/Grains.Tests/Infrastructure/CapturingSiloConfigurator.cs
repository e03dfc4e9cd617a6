using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using ScaleSweep.Grains.Hosting;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>A normal ScaleSweep silo whose logs also go to <see cref="LogCapture"/>.</summary>
public sealed class CapturingSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddScaleSweep(siloBuilder.Configuration);
        siloBuilder.Services.AddLogging(logging => logging.AddProvider(new LogCapture()));
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>
/// A silo whose simulations fail on purpose: seed 101 throws on every start, seed 102 on its first
/// start only. Its logs go to <see cref="LogCapture"/>.
/// </summary>
public sealed class FaultySiloConfigurator : ISiloConfigurator
{
    public const ulong AlwaysFails = 101;
    public const ulong FailsOnce = 102;

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddScaleSweep(siloBuilder.Configuration);
        siloBuilder.Services.AddSingleton<ISimulationFactory, FlakyFactory>();
        siloBuilder.Services.AddLogging(logging => logging.AddProvider(new LogCapture()));
    }

    private sealed class FlakyFactory : ISimulationFactory
    {
        private static readonly ConcurrentDictionary<string, int> Starts = new();
        private readonly NumericsSimulationFactory _inner = new();

        public ISimulation Create(SimulationConfig config)
        {
            int starts = Starts.AddOrUpdate(config.Fingerprint(), 1, (_, n) => n + 1);
            if (config.Seed == AlwaysFails || (config.Seed == FailsOnce && starts == 1))
            {
                throw new InvalidOperationException($"injected fault (seed {config.Seed}, start {starts})");
            }

            return _inner.Create(config);
        }

        public ISimulation Restore(SimulationConfig config, byte[] snapshot) => _inner.Restore(config, snapshot);
    }
}

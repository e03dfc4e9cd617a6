using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>
/// An in-process test cluster of ScaleSweep silos on Azurite, with a store of its own unless it is given
/// the prefix of another's. <c>await using</c> it: disposing stops every silo gracefully (as the embedded
/// silo stops on Ctrl+C: runs store their final checkpoints) and then the cluster.
/// </summary>
public sealed class TestClusterHandle : IAsyncDisposable
{
    private TestClusterHandle(TestCluster cluster, string prefix)
    {
        Cluster = cluster;
        Prefix = prefix;
    }

    /// <summary>The Orleans test cluster, for what the handle does not say itself (stopping one silo, its silos).</summary>
    public TestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>The storage prefix (tables and containers) and service id of the cluster.</summary>
    public string Prefix { get; }

    /// <summary>Starts ScaleSweep silos as <see cref="StartAsync{TSiloConfigurator}"/> does, configured by <see cref="TestSiloConfigurator"/>.</summary>
    public static Task<TestClusterHandle> StartAsync(int silos, int workers = 1, string? prefix = null, bool readOnly = false,
        bool propagateTraces = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync<TestSiloConfigurator>(silos, workers, prefix, readOnly, propagateTraces, settings);

    /// <summary>
    /// Starts <paramref name="silos"/> silos configured by <typeparamref name="TSiloConfigurator"/>, with
    /// <paramref name="workers"/> worker slots each, on the store of <paramref name="prefix"/> (a fresh one when
    /// null). <paramref name="readOnly"/>: silos that read the store and dispatch nothing (the embedded silo of
    /// `status`). <paramref name="propagateTraces"/>: the test's client carries the trace context into the
    /// cluster (the silos always do). <paramref name="settings"/> override any configuration value.
    /// </summary>
    public static async Task<TestClusterHandle> StartAsync<TSiloConfigurator>(int silos, int workers = 1, string? prefix = null, bool readOnly = false,
        bool propagateTraces = false, IReadOnlyDictionary<string, string?>? settings = null)
        where TSiloConfigurator : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder((short)silos);
        string storagePrefix = prefix ?? Azurite.NewPrefix();

        // Table storage keys grain state by service id: a cluster restarted on the same store must keep it.
        builder.Options.ServiceId = storagePrefix;
        var values = new Dictionary<string, string?>
        {
            ["ScaleSweep:Storage:ConnectionString"] = Azurite.ConnectionString,
            ["ScaleSweep:Storage:Prefix"] = storagePrefix,
            ["ScaleSweep:Workers:Count"] = workers.ToString(CultureInfo.InvariantCulture),
        };
        if (readOnly)
        {
            values["ScaleSweep:Dispatch:ReadOnly"] = "true";
        }

        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(values));
        builder.AddSiloBuilderConfigurator<TSiloConfigurator>();
        if (propagateTraces)
        {
            builder.AddClientBuilderConfigurator<TracePropagatingClientConfigurator>();
        }

        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestClusterHandle(cluster, storagePrefix);
    }

    /// <summary>The <typeparamref name="T"/> service of every silo that is still up.</summary>
    public IEnumerable<T> SiloServices<T>()
        where T : notnull =>
        Cluster.Silos.OfType<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<T>());

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

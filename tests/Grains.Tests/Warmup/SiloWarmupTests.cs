using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Warmup;
using ScaleSweep.Grains.Results;
using ScaleSweep.Silo;

namespace ScaleSweep.Grains.Tests.Warmup;

/// <summary>
/// The silo's start-up warm-up (<see cref="SiloWarmup"/>): on by default in the silo's host, off by configuration,
/// bounded in time, and it stores nothing. The host is built, never started: the warm-up is run by hand.
/// </summary>
public sealed class SiloWarmupTests
{
    [Fact]
    public void The_silo_host_warms_up_by_default()
    {
        HostApplicationBuilder builder = Builder([]);
        using IHost host = builder.Build();

        WarmupOptions options = host.Services.GetRequiredService<IOptions<WarmupOptions>>().Value;

        Assert.True(options.Enabled);
        Assert.Equal(1.5, options.MaxSeconds);
        Assert.True(options.Cluster);
        Assert.Equal(5, options.ClusterMaxSeconds);
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(SiloWarmup));
    }

    [Fact]
    public void Configuration_turns_the_warmup_off()
    {
        using IHost host = Build(new()
        {
            ["ScaleSweep:Warmup:Enabled"] = "false", ["ScaleSweep:Warmup:MaxSeconds"] = "0.5",
            ["ScaleSweep:Warmup:Cluster"] = "false", ["ScaleSweep:Warmup:ClusterMaxSeconds"] = "2",
        });

        WarmupOptions options = host.Services.GetRequiredService<IOptions<WarmupOptions>>().Value;

        Assert.False(options.Enabled);
        Assert.Equal(0.5, options.MaxSeconds);
        Assert.False(options.Cluster);
        Assert.Equal(2, options.ClusterMaxSeconds);
    }

    [Fact]
    public async Task The_warmup_computes_its_batch_within_its_time_and_writes_no_row()
    {
        using IHost host = Build(new() { ["ScaleSweep:Warmup:MaxSeconds"] = "3" });
        RunResultTable rows = host.Services.GetRequiredService<RunResultTable>();

        WarmupOutcome outcome = await host.Services.GetRequiredService<SiloWarmup>().RunAsync(CancellationToken.None);

        Assert.False(outcome.Failed);
        Assert.InRange(outcome.Rounds, 1, 6);
        Assert.Equal(outcome.Rounds * 32, outcome.Runs);

        // A round that starts before the budget is spent finishes: the first compiles its code, well under a second.
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(10), $"the warm-up took {outcome.Elapsed}");
        Assert.Equal((0L, 0L), rows.Writes);
    }

    [Fact]
    public async Task No_time_means_no_round()
    {
        using IHost host = Build(new() { ["ScaleSweep:Warmup:MaxSeconds"] = "0" });

        WarmupOutcome outcome = await host.Services.GetRequiredService<SiloWarmup>().RunAsync(CancellationToken.None);

        Assert.Equal(0, outcome.Rounds);
        Assert.False(outcome.Failed);
    }

    [Fact]
    public async Task No_time_means_no_cluster_round()
    {
        using IHost host = Build(new() { ["ScaleSweep:Warmup:ClusterMaxSeconds"] = "0" });

        WarmupOutcome outcome = await host.Services.GetRequiredService<SiloWarmup>().RunClusterAsync(CancellationToken.None);

        Assert.Equal(0, outcome.Rounds);
        Assert.False(outcome.Failed);
    }

    private static IHost Build(Dictionary<string, string?> settings) => Builder(settings).Build();

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["ScaleSweep:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.UseOrleans(silo => silo.ConfigureScaleSweepSilo(builder.Configuration));
        return builder;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Silo;
using ScaleSweep.Silo.Membership;
using ScaleSweep.Silo.Telemetry;

// A ScaleSweep silo. Settings come from appsettings.json, then environment variables
// (ScaleSweep__Silo__GatewayPort=30001), then the command line (--ScaleSweep:Silo:GatewayPort 30001).
// Exit codes: 0 after a shutdown, 2 for invalid settings, 3 when its cluster refuses it (another ServiceId
// or wire version), 4 when storage cannot be used at startup; every failure prints one line to stderr.
const string Name = "scalesweep-silo";
IHost host;
try
{
    HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
    builder.UseOrleans(silo => silo.ConfigureScaleSweepSilo(builder.Configuration));
    builder.AddScaleSweepTelemetry();

    // SIGTERM stops the host; deactivating run grains stop their work and store a final checkpoint, which
    // takes a moment per run beyond Orleans' own shutdown.
    builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
    host = builder.Build();
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"{Name}: {string.Join("; ", e.Failures)}");
    return 2;
}
catch (Exception e) when (SettingValueError.Describe(e) is { } line)
{
    await Console.Error.WriteLineAsync($"{Name}: {line}");
    return 2;
}

using (host)
{
    try
    {
        return await RunAsync(host);
    }
    catch (Exception e) when (SettingValueError.Describe(e) is { } line)
    {
        // A setting that does not convert to its option's type, first read anywhere in the start.
        await Console.Error.WriteLineAsync($"{Name}: {line}");
        return 2;
    }
}

// The silo's life once built: the storage and identity checks, Orleans' start, then until shutdown.
static async Task<int> RunAsync(IHost host)
{
    // Before Orleans starts: given an unreachable account its providers retry for minutes, logging
    // stack traces, and membership never starts; this says why in one line within the startup timeout.
    try
    {
        await host.Services.CheckStorageAsync(CancellationToken.None);
    }
    catch (OptionsValidationException e)
    {
        await Console.Error.WriteLineAsync($"{Name}: {string.Join("; ", e.Failures)}");
        return 2;
    }
    catch (StorageUnavailableException e)
    {
        await Console.Error.WriteLineAsync($"{Name}: {e.Message}");
        return 4;
    }

    // A silo of another service or wire version stays out of a running cluster, saying why in one line.
    if (await ClusterIdentityGate.RefusalAsync(host.Services, CancellationToken.None) is { } refusal)
    {
        await Console.Error.WriteLineAsync(refusal);
        return ClusterIdentityGate.ExitCode;
    }

    await host.StartAsync();

    // Orleans has started: the silo is active in its cluster and its gateway accepts clients (after the
    // warm-up, when on). deploy/local/cluster.sh waits for this line.
    SiloOptions silo = host.Services.GetRequiredService<IConfiguration>().GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
    Console.WriteLine($"{Name}: active: silo port {silo.SiloPort}, gateway port {silo.GatewayPort}");
    await host.WaitForShutdownAsync();

    return 0;
}

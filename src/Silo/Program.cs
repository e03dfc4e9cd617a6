using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScaleSweep.Silo;
using ScaleSweep.Silo.Membership;
using ScaleSweep.Silo.Telemetry;

// A ScaleSweep silo. Settings come from appsettings.json, then environment variables
// (ScaleSweep__Silo__GatewayPort=30001), then the command line (--ScaleSweep:Silo:GatewayPort 30001).
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.ConfigureScaleSweepSilo(builder.Configuration));
builder.AddScaleSweepTelemetry();

// SIGTERM stops the host; deactivating run grains stop their work and store a final checkpoint, which
// takes a moment per run beyond Orleans' own shutdown.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));

using IHost host = builder.Build();

// A silo of another service or wire version stays out of a running cluster, saying why in one line.
if (await ClusterIdentityGate.RefusalAsync(host.Services, CancellationToken.None) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return ClusterIdentityGate.ExitCode;
}

await host.RunAsync();
return 0;

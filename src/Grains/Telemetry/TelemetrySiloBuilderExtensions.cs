using Microsoft.Extensions.DependencyInjection;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>The silo side of ScaleSweep's telemetry: nothing here exports; the host chooses exporters.</summary>
public static class TelemetrySiloBuilderExtensions
{
    /// <summary>
    /// Orleans' activity propagation (so a trace follows grain calls from silo to silo) and the worker
    /// pool's slot gauges. The instruments and spans exist whether or not anything listens.
    /// </summary>
    public static ISiloBuilder AddScaleSweepInstrumentation(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddActivityPropagation();
        builder.Services.AddSingleton<WorkerPoolGauges>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WorkerPoolGauges>());
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>The silo side of ScaleSweep's telemetry: nothing here exports; the host chooses exporters.</summary>
public static class TelemetrySiloBuilderExtensions
{
    /// <summary>
    /// Orleans' activity propagation (so a trace follows grain calls from silo to silo), the worker
    /// pool's slot gauges, and the silo's own sweep registries (statuses for the gauges, traces for the
    /// spans). The instruments and spans exist whether or not anything listens.
    /// </summary>
    public static ISiloBuilder AddScaleSweepInstrumentation(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddActivityPropagation();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<SweepStatusBoard>();
        builder.Services.AddSingleton<SweepTraces>();
        builder.Services.AddSingleton<SweepTelemetry>();
        builder.Services.AddSingleton<SweepGauges>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SweepGauges>());
        builder.Services.AddSingleton<WorkerPoolGauges>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WorkerPoolGauges>());
        builder.Services.AddSingleton<ResultTableGauges>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ResultTableGauges>());
        return builder;
    }
}

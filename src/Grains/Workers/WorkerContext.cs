using Microsoft.Extensions.Logging;

namespace ScaleSweep.Grains.Workers;

/// <summary>What a worker thread hands the job it runs.</summary>
/// <param name="Silo">The silo's endpoint ("address:port") for telemetry tags; null outside a silo.</param>
/// <param name="Logger">The pool's logger, for what the job reports while it runs.</param>
public sealed record WorkerContext(string? Silo, ILogger Logger);

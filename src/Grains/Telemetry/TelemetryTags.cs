namespace ScaleSweep.Grains.Telemetry;

/// <summary>Attribute names of ScaleSweep's metrics, spans and logs (Prometheus writes the dots as underscores).</summary>
public static class TelemetryTags
{
    /// <summary>The sweep id (the spec's content address).</summary>
    public const string SweepId = "sweep.id";

    /// <summary>The spec's name.</summary>
    public const string SweepName = "sweep.name";

    /// <summary>The run key (the run's content address).</summary>
    public const string RunKey = "run.key";

    /// <summary>A run state of a sweep's status: pending, running, completed, diverged, failed, cancelled.</summary>
    public const string RunState = "run.state";

    /// <summary>How a run ended: completed, diverged, failed (and, on run spans, stopped).</summary>
    public const string RunStatus = "run.status";

    /// <summary>The silo's endpoint (address:port), for instruments of which one process may hold several.</summary>
    public const string Silo = "scalesweep.silo";

    /// <summary>busy or free.</summary>
    public const string SlotState = "slot.state";

    /// <summary>The exception type of a failed operation.</summary>
    public const string ErrorType = "error.type";
}

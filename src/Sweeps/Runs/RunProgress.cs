namespace ScaleSweep.Sweeps.Runs;

/// <summary>A run's status as its grain knows it now.</summary>
/// <param name="Key">The run key (content address of its configuration).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Step">Steps done.</param>
/// <param name="Steps">Steps asked for.</param>
/// <param name="DivergedAtStep">The step at which the loss blew up, for a diverged run.</param>
/// <param name="Error">Why it failed, for a failed run.</param>
/// <param name="ComputeSeconds">Worker seconds spent on it so far, over every attempt.</param>
/// <param name="Silo">The silo that holds it, for status displays.</param>
/// <param name="Warning">Set while the run cannot reach storage (it keeps its data in memory and retries).</param>
[GenerateSerializer, Immutable]
public sealed record RunProgress(
    [property: Id(0)] string Key,
    [property: Id(1)] RunStatus Status,
    [property: Id(2)] long Step,
    [property: Id(3)] long Steps,
    [property: Id(4)] long? DivergedAtStep,
    [property: Id(5)] string? Error,
    [property: Id(6)] double ComputeSeconds,
    [property: Id(7)] string? Silo,
    [property: Id(8)] string? Warning = null);

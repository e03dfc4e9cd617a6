using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>A run that did not complete normally: diverged (with the step) or failed (with the reason).</summary>
[GenerateSerializer, Immutable]
public sealed record RunIssue(
    [property: Id(0)] string Key,
    [property: Id(1)] GroupConfig Config,
    [property: Id(2)] ulong Seed,
    [property: Id(3)] string Status,
    [property: Id(4)] long? DivergedAtStep,
    [property: Id(5)] string? Error);

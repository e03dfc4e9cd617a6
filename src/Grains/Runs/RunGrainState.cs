using ScaleSweep.Grains.Jobs;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Runs;

/// <summary>
/// A run's stored state: one row of the results table (<see cref="Results.RunResultTable"/>), its curve
/// included once final. The configuration is not stored: the run key is its content address, and every
/// caller holds the configuration.
/// </summary>
[GenerateSerializer]
public sealed class RunGrainState : IWorkerJobState
{
    [Id(1)] public RunStatus Status { get; set; } = RunStatus.Pending;

    /// <summary>Last stored step: the checkpoint's while running, the last one when final.</summary>
    [Id(2)] public long Step { get; set; }

    [Id(3)] public long? DivergedAtStep { get; set; }

    [Id(4)] public string? Error { get; set; }

    [Id(5)] public double ComputeSeconds { get; set; }

    /// <summary>Groups (<c>GroupKeys</c>) that want this run and are told when it is final.</summary>
    [Id(6)] public HashSet<string> Subscribers { get; set; } = [];

    /// <summary>Attempts that threw, for the retry limit.</summary>
    [Id(7)] public int FailedAttempts { get; set; }

    /// <summary>Times work on this run was started or continued, for tests and diagnostics.</summary>
    [Id(8)] public int Executions { get; set; }

    [Id(9)] public double? CheckpointSeconds { get; set; }

    [Id(10)] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Whether a checkpoint blob may exist: short runs that never checkpoint skip reading and deleting one.</summary>
    [Id(11)] public bool HasCheckpoint { get; set; }

    /// <summary>The recorded curve of a completed or diverged run, stored with its final status in one write.</summary>
    [Id(12)] public StoredLossCurve? Curve { get; set; }

    /// <summary>The silo that computed the run's end, for status displays.</summary>
    [Id(13)] public string? Silo { get; set; }
}

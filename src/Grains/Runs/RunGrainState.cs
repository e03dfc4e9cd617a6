using ScaleSweep.Grains.Jobs;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Runs;

/// <summary>The small, often written part of a run's state (table storage).</summary>
[GenerateSerializer]
public sealed class RunGrainState : IWorkerJobState
{
    [Id(0)] public SimulationConfig? Config { get; set; }

    [Id(1)] public RunStatus Status { get; set; } = RunStatus.Pending;

    /// <summary>Last stored step: the checkpoint's while running, the last one when final.</summary>
    [Id(2)] public long Step { get; set; }

    [Id(3)] public long? DivergedAtStep { get; set; }

    [Id(4)] public string? Error { get; set; }

    [Id(5)] public double ComputeSeconds { get; set; }

    /// <summary>Sweeps that want this run and are told when it is final.</summary>
    [Id(6)] public HashSet<string> Sweeps { get; set; } = [];

    /// <summary>Attempts that threw, for the retry limit.</summary>
    [Id(7)] public int FailedAttempts { get; set; }

    /// <summary>Times work on this run was started or continued, for tests and diagnostics.</summary>
    [Id(8)] public int Executions { get; set; }

    [Id(9)] public double? CheckpointSeconds { get; set; }

    [Id(10)] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Whether a checkpoint blob may exist: short runs that never checkpoint skip reading and deleting one.</summary>
    [Id(11)] public bool HasCheckpoint { get; set; }
}

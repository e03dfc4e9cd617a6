using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>A sweep's progress, as served to the CLI.</summary>
/// <param name="Id">The sweep id.</param>
/// <param name="Name">The spec's name.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Runs">Run counts by status.</param>
/// <param name="StepsDone">SGD steps done over all runs (finished runs count whole).</param>
/// <param name="StepsTotal">SGD steps of all runs.</param>
/// <param name="StepsPerSecond">Steps per second over the last few seconds, over all runs.</param>
/// <param name="Slots">Worker slots the sweep may fill at once.</param>
/// <param name="Error">Why it failed, for a failed sweep.</param>
/// <param name="CreatedAt">When it was first submitted.</param>
/// <param name="Warning">Set while the sweep or its runs cannot reach storage: they retry, and nothing stored is lost.</param>
/// <param name="TheoryDone">DMFT theory curves final (completed or failed).</param>
/// <param name="TheoryTotal">DMFT theory curves the spec asks for; 0 without "theory".</param>
/// <param name="RunsQueued">Of <see cref="RunCounts.Running"/>, the runs handed to a silo that wait for a free worker slot there (the sweep keeps a short queue per slot); the rest are being computed.</param>
/// <param name="TheorySolving">DMFT theory curves being solved on a worker slot now.</param>
/// <param name="TheorySolves">Where each of those solves stands (the time reached of T), in plan order.</param>
/// <param name="ComputeSeconds">Worker seconds of the runs that ended, over every attempt: with the wall time and <see cref="Slots"/>, the cluster's efficiency.</param>
/// <param name="ReportSeconds">Wall seconds the report took to gather and build; null until it is built.</param>
[GenerateSerializer, Immutable]
public sealed record SweepStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] SweepState State,
    [property: Id(3)] RunCounts Runs,
    [property: Id(4)] long StepsDone,
    [property: Id(5)] long StepsTotal,
    [property: Id(6)] double StepsPerSecond,
    [property: Id(7)] int Slots,
    [property: Id(8)] string? Error,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string? Warning = null,
    [property: Id(11)] int TheoryDone = 0,
    [property: Id(12)] int TheoryTotal = 0,
    [property: Id(13)] int RunsQueued = 0,
    [property: Id(14)] int TheorySolving = 0,
    [property: Id(15)] IReadOnlyList<DmftSolveProgress>? TheorySolves = null,
    [property: Id(16)] double ComputeSeconds = 0,
    [property: Id(17)] double? ReportSeconds = null)
{
    /// <summary>Runs being computed on a worker slot now.</summary>
    public int RunsComputing => Runs.Running - RunsQueued;
}

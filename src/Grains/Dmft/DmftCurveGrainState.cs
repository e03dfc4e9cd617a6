using ScaleSweep.Grains.Jobs;
using ScaleSweep.Numerics.Theory.Dmft;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Dmft;

/// <summary>
/// A theory curve's stored state (blob storage, beside the run curves). One record holds the status and
/// the curve, so a single write makes the curve final: a reader never sees "completed" without it.
/// </summary>
[GenerateSerializer]
public sealed class DmftCurveGrainState : IWorkerJobState
{
    [Id(0)] public DmftCurveRequest? Request { get; set; }

    [Id(1)] public RunStatus Status { get; set; } = RunStatus.Pending;

    /// <summary>Sweeps that want this curve and are told when it is final.</summary>
    [Id(2)] public HashSet<string> Subscribers { get; set; } = [];

    [Id(3)] public DmftCurve? Curve { get; set; }

    /// <summary>Wall-clock seconds the stored curve's solve took.</summary>
    [Id(6)] public double Seconds { get; set; }

    [Id(4)] public string? Error { get; set; }

    /// <summary>Solves started (a solve restarted after a silo loss counts again), for tests and diagnostics.</summary>
    [Id(5)] public int Executions { get; set; }
}

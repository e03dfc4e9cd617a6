using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Dmft;

/// <summary>A DMFT curve's status from the job lifecycle its grain shares with runs.</summary>
public static class DmftCurveStatuses
{
    /// <summary>The curve's status for a lifecycle status; a curve is never diverged.</summary>
    public static DmftCurveStatus From(RunStatus status) => status switch
    {
        RunStatus.Pending => DmftCurveStatus.Pending,
        RunStatus.Queued => DmftCurveStatus.Queued,
        RunStatus.Running => DmftCurveStatus.Solving,
        RunStatus.Completed => DmftCurveStatus.Completed,
        RunStatus.Failed => DmftCurveStatus.Failed,
        RunStatus.Cancelled => DmftCurveStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a DMFT curve is never diverged"),
    };

    /// <summary>True when the curve is final: completed or failed.</summary>
    public static bool IsFinal(this DmftCurveStatus status) => status is DmftCurveStatus.Completed or DmftCurveStatus.Failed;
}

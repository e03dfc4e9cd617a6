namespace ScaleSweep.Sweeps.Runs;

/// <summary>Helpers on <see cref="RunStatus"/>.</summary>
public static class RunStatusExtensions
{
    /// <summary>True for the statuses a run never leaves.</summary>
    public static bool IsFinal(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Diverged or RunStatus.Failed or RunStatus.Cancelled;
}

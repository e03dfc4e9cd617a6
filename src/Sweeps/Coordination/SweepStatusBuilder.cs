using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>Builds a sweep's <see cref="SweepStatus"/> from its coordinator's run table and theory curves.</summary>
public static class SweepStatusBuilder
{
    /// <summary>The status of an id under which no spec was submitted.</summary>
    public static SweepStatus Unknown(string id) =>
        new(id, "", SweepState.Unknown, new RunCounts(0, 0, 0, 0, 0, 0, 0), 0, 0, 0, 0, null, default);

    /// <summary>The status of a submitted sweep.</summary>
    /// <param name="id">The sweep id.</param>
    /// <param name="spec">Its spec.</param>
    /// <param name="state">Its stored state.</param>
    /// <param name="interrupted">
    /// A running sweep whose silo shut down, seen from a read-only silo: shown as
    /// <see cref="SweepState.Interrupted"/>, its runs in flight counted as pending.
    /// </param>
    /// <param name="totals">Its runs by status (<see cref="GroupTable.Totals"/>).</param>
    /// <param name="runCount">Runs of the sweep.</param>
    /// <param name="theory">Its theory curves.</param>
    /// <param name="stepsPerSecond">Its smoothed throughput.</param>
    /// <param name="slots">Worker slots of the cluster.</param>
    /// <param name="error">Why it failed, for a failed sweep.</param>
    /// <param name="createdAt">When it was submitted.</param>
    /// <param name="warning">See <see cref="SweepWarning"/>.</param>
    /// <param name="reportSeconds">How long its report took to build, once built.</param>
    public static SweepStatus Build(string id, SweepSpec spec, SweepState state, bool interrupted, GroupTotals totals, int runCount, SweepDmftCurves theory,
        double stepsPerSecond, int slots, string? error, DateTimeOffset createdAt, string? warning, double? reportSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(theory);

        // Runs queued or running stopped with the interrupted sweep's silo: they wait, like pending ones, to go on from their checkpoints.
        if (interrupted)
        {
            totals = totals with { Pending = totals.Pending + totals.Queued + totals.Computing, Queued = 0, Computing = 0 };
        }

        // A completed sweep waited for every curve.
        int theoryDone = state == SweepState.Completed ? theory.Count : theory.Done;
        return new SweepStatus(id, spec.Name, interrupted ? SweepState.Interrupted : state, totals.ToRunCounts(), totals.StepsDone, spec.Steps * runCount,
            stepsPerSecond, slots, error, createdAt, warning, theoryDone, theory.Count, totals.Queued, theory.Solving, theory.Solves(),
            totals.ComputeSeconds, reportSeconds);
    }
}

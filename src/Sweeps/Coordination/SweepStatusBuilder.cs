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
    /// <param name="runs">Its runs.</param>
    /// <param name="theory">Its theory curves.</param>
    /// <param name="stepsPerSecond">Its smoothed throughput.</param>
    /// <param name="slots">Worker slots of the cluster.</param>
    /// <param name="error">Why it failed, for a failed sweep.</param>
    /// <param name="createdAt">When it was submitted.</param>
    /// <param name="warning">See <see cref="SweepWarning"/>.</param>
    public static SweepStatus Build(string id, SweepSpec spec, SweepState state, bool interrupted, RunTable runs, SweepDmftCurves theory,
        double stepsPerSecond, int slots, string? error, DateTimeOffset createdAt, string? warning)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(theory);
        RunTableCounts counts = runs.Counts(interrupted);

        // A completed sweep waited for every curve.
        int theoryDone = state == SweepState.Completed ? theory.Count : theory.Done;
        return new SweepStatus(id, spec.Name, interrupted ? SweepState.Interrupted : state, counts.Runs, runs.StepsDone(), spec.Steps * runs.Count,
            stepsPerSecond, slots, error, createdAt, warning, theoryDone, theory.Count, counts.Queued, theory.Solving, theory.Solves());
    }
}

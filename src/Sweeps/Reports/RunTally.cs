using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>Counts a sweep's runs by status.</summary>
/// <remarks>
/// <see cref="RunCounts"/> has no Queued column: a queued run has been handed to its grain but has not
/// started computing, so it is counted as pending. A run with no result at all (a cancelled or
/// unfinished sweep) is counted as pending too, since it never reported anything else.
/// </remarks>
internal sealed class RunTally
{
    private int total;
    private int pending;
    private int running;
    private int completed;
    private int diverged;
    private int failed;
    private int cancelled;

    public void Add(RunStatus? status)
    {
        total++;
        switch (status)
        {
            case RunStatus.Running:
                running++;
                break;
            case RunStatus.Completed:
                completed++;
                break;
            case RunStatus.Diverged:
                diverged++;
                break;
            case RunStatus.Failed:
                failed++;
                break;
            case RunStatus.Cancelled:
                cancelled++;
                break;
            default:
                pending++;
                break;
        }
    }

    public RunCounts ToCounts() => new(total, pending, running, completed, diverged, failed, cancelled);
}

using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// When a follower without a terminal (a CI log, <c>| tee</c>) writes its next plain progress line: at once
/// when a run or theory curve finished or the state changed, but at most once per <see cref="MinimumGap"/>,
/// and every <see cref="Period"/> in any case, so a log shows the sweep advancing without a line per poll.
/// </summary>
internal sealed class ProgressLinePacer(TimeProvider clock)
{
    /// <summary>The longest a log goes without a line while the sweep runs.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>The shortest gap between two lines, however fast runs finish.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);

    private DateTimeOffset? _last;
    private (int Finished, int TheoryDone, SweepState State) _written;

    /// <summary>True when a line for this status is due now; the caller then writes it.</summary>
    public bool ShouldWrite(SweepStatus status)
    {
        DateTimeOffset now = clock.GetUtcNow();
        var progress = (status.Runs.Finished, status.TheoryDone, status.State);
        bool due = _last is not { } last
            || now - last >= Period
            || (progress != _written && now - last >= MinimumGap);
        if (due)
        {
            _last = now;
            _written = progress;
        }

        return due;
    }
}

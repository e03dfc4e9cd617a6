using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Sweeps;

/// <summary>The timing line after a followed sweep: runs and worker seconds counted from the first status seen, p95 by nearest rank.</summary>
public class FollowTimingsTests
{
    private static SweepStatus Status(int finished, double compute, double? report = null, int slots = 4) => new(
        "s-0123456789ab", "s", report is null ? SweepState.Running : SweepState.Completed, new RunCounts(40, 40 - finished, 0, finished, 0, 0, 0),
        10, 20, 0, slots, null, default, ComputeSeconds: compute, ReportSeconds: report);

    [Fact]
    public async Task P95IsTheNearestRankOfTheStatusRoundTrips()
    {
        var timings = new FollowTimings();
        Assert.Equal(0, timings.StatusP95Milliseconds());

        // Twenty calls, one of them slow: the 95th percentile by nearest rank is the 19th of 20, a fast one.
        for (int i = 0; i < 20; i++)
        {
            int delay = i == 7 ? 300 : 0;
            await timings.TimeAsync(async () =>
            {
                await Task.Delay(delay);
                return Status(0, 0);
            });
        }

        Assert.Equal(20, timings.StatusCalls);
        Assert.InRange(timings.StatusP95Milliseconds(), 0, 250);
    }

    [Fact]
    public async Task TheSummaryCountsOnlyWhatFinishedWhileFollowing()
    {
        var timings = new FollowTimings();
        await timings.TimeAsync(() => Task.FromResult(Status(10, 5.0)));
        string line = timings.Summary(Status(40, 125.0, report: 0.0));

        Assert.StartsWith("30 runs finished in ", line, StringComparison.Ordinal);
        Assert.Contains("; 120.0 worker-s on 4 slots (efficiency ", line, StringComparison.Ordinal);
        Assert.Contains("; report built in 0.00 s; status round trip p95 ", line, StringComparison.Ordinal);
        Assert.EndsWith(" over 1 calls", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenSlotsChangeEfficiencyDividesByTheirTimeWeightedMean()
    {
        // 6 slots for 10 s, then 2 (two silos of three died) for 30 s: 3 on average; 90 worker-s in 40 s of wall.
        var clock = new ManualClock();
        var timings = new FollowTimings(clock);
        await timings.TimeAsync(() => Task.FromResult(Status(0, 0, slots: 6)));
        clock.Advance(10);
        await timings.TimeAsync(() => Task.FromResult(Status(10, 30, slots: 2)));
        clock.Advance(30);
        await timings.TimeAsync(() => Task.FromResult(Status(40, 90, slots: 2)));

        Assert.Equal(3.0, timings.MeanSlots!.Value, 12);
        string line = timings.Summary(Status(40, 90, report: 0.0, slots: 2));
        Assert.Contains("40 runs finished in 40.0 s (1 runs/s); 90.0 worker-s on 2-6 slots, 3.0 on average (efficiency 75%)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithSteadySlotsTheLineNamesTheirCount()
    {
        var clock = new ManualClock();
        var timings = new FollowTimings(clock);
        await timings.TimeAsync(() => Task.FromResult(Status(0, 0, slots: 4)));
        clock.Advance(20);
        await timings.TimeAsync(() => Task.FromResult(Status(40, 40, slots: 4)));

        Assert.Contains("40 runs finished in 20.0 s (2 runs/s); 40.0 worker-s on 4 slots (efficiency 50%)", timings.Summary(Status(40, 40, report: 0.0)), StringComparison.Ordinal);
    }

    /// <summary>A clock that moves only when the test says.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(double seconds) => _ticks += (long)(seconds * TimeSpan.TicksPerSecond);
    }
}

using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Tests.Sweeps;

/// <summary>
/// What a follower says while it waits: computing and queued runs apart, theory curves being solved,
/// and, without a terminal, a plain line as runs finish (at most one a second) and every few seconds.
/// </summary>
public class ProgressLineTests
{
    private static SweepStatus Status(int finished, int inFlight, int queued, int theoryDone = 0, int theoryTotal = 0, int solving = 0,
        SweepState state = SweepState.Running) => new(
        "s-0123456789ab", "s", state, new RunCounts(40, 40 - finished - inFlight, inFlight, finished, 0, 0, 0), 10, 20, 0, 2,
        null, default, null, theoryDone, theoryTotal, queued, solving);

    [Fact]
    public void RunsWaitingForASlotAreCountedAsQueuedNotComputing()
    {
        string line = SweepFollower.Describe(Status(0, 4, 2));

        Assert.StartsWith("0/40 runs done, 2 computing, 2 queued, 0 diverged", line, StringComparison.Ordinal);
        Assert.DoesNotContain("running", line, StringComparison.Ordinal);
        Assert.DoesNotContain("queued", SweepFollower.Describe(Status(0, 2, 0)), StringComparison.Ordinal);
    }

    /// <summary>
    /// A sweep whose runs all wait behind other work (reproduce submits several sweeps at once): its smoothed rate decays
    /// towards zero, and the line says it waits rather than printing an estimate of 10^17 hours.
    /// </summary>
    [Fact]
    public void ASweepWithNothingComputingSaysItWaitsInsteadOfAnEstimate()
    {
        SweepStatus waiting = Status(4, 4, 4) with { StepsPerSecond = 1.5e-16 };
        SweepStatus computing = Status(4, 4, 2) with { StepsPerSecond = 1e3 };

        Assert.EndsWith("4/40 runs done, 0 computing, 4 queued, 0 diverged, 0 failed, waiting for a worker slot", SweepFollower.Describe(waiting), StringComparison.Ordinal);
        Assert.EndsWith(", 1e3 steps/s, ~0 s left", SweepFollower.Describe(computing), StringComparison.Ordinal);
    }

    [Fact]
    public void TheoryCurvesBeingSolvedAreShownWhileTheSweepRuns()
    {
        Assert.Contains(", theory curves 1/4 (2 solving)", SweepFollower.Describe(Status(0, 4, 2, 1, 4, 2)), StringComparison.Ordinal);
        Assert.DoesNotContain("solving", SweepFollower.Describe(Status(0, 4, 2, 1, 4, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public void EachDmftSolveSaysTheTimeItReached()
    {
        SweepStatus status = Status(0, 4, 2, 1, 4, 2) with { TheorySolves = [new DmftSolveProgress(120, 500), new DmftSolveProgress(80, 500)] };
        Assert.Contains(", theory curves 1/4 (2 solving, at t = 120, 80 of 500)", SweepFollower.Describe(status), StringComparison.Ordinal);

        // More than three at once: the range; curves of different T: each with its own.
        Assert.Equal(", at t = 10..70 of 500", SweepFollower.SolveTimes([new(10, 500), new(70, 500), new(40, 500), new(20, 500)]));
        Assert.Equal(", at t = 10/500, 70/1000", SweepFollower.SolveTimes([new(10, 500), new(70, 1000)]));
        Assert.Equal("", SweepFollower.SolveTimes([]));
    }

    [Fact]
    public void WithoutATerminalALineIsWrittenAtOnceThenWhenARunFinishesAtMostOnceASecond()
    {
        var clock = new FakeClock();
        var pacer = new ProgressLinePacer(clock);

        Assert.True(pacer.ShouldWrite(Status(0, 4, 2)));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(pacer.ShouldWrite(Status(0, 4, 2)));

        // A run finished half a second after the last line: held back until a second has passed.
        Assert.False(pacer.ShouldWrite(Status(1, 4, 2)));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(pacer.ShouldWrite(Status(1, 4, 2)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(pacer.ShouldWrite(Status(1, 4, 2)));

        // A theory curve finishing counts as progress too.
        Assert.True(pacer.ShouldWrite(Status(1, 4, 2, 1, 4)));
    }

    [Fact]
    public void WithoutATerminalALineIsWrittenEveryFewSecondsEvenWhenNothingFinishes()
    {
        var clock = new FakeClock();
        var pacer = new ProgressLinePacer(clock);
        Assert.True(pacer.ShouldWrite(Status(0, 4, 2)));

        int lines = 0;
        for (int tick = 0; tick < 60; tick++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            lines += pacer.ShouldWrite(Status(0, 4, 2)) ? 1 : 0;
        }

        // 30 s of polls every 0.5 s with no run finished: one line per period.
        Assert.Equal((int)(TimeSpan.FromSeconds(30) / ProgressLinePacer.Period), lines);
    }

    private sealed class FakeClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

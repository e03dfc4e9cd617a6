using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>The sweep's throughput, smoothed half and half over polls, on a fake clock.</summary>
public sealed class StepRateTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheFirstRateIsTakenAsItIsAndLaterOnesWeighHalf()
    {
        var rate = new StepRate();
        rate.Mark(T0, 1000);
        Assert.Equal(0, rate.StepsPerSecond);

        rate.Mark(T0.AddSeconds(2), 1200);
        Assert.Equal(100, rate.StepsPerSecond);

        rate.Mark(T0.AddSeconds(3), 1500);
        Assert.Equal(200, rate.StepsPerSecond);

        rate.Mark(T0.AddSeconds(5), 1500);
        Assert.Equal(100, rate.StepsPerSecond);
    }

    [Fact]
    public void AMarkAtTheSameOrAnEarlierTimeOnlyMovesTheMark()
    {
        var rate = new StepRate();
        rate.Mark(T0, 0);
        rate.Mark(T0.AddSeconds(1), 50);
        rate.Mark(T0.AddSeconds(1), 5000);
        Assert.Equal(50, rate.StepsPerSecond);

        // From the moved mark: (5100 - 5000) / 1 s weighs half.
        rate.Mark(T0.AddSeconds(2), 5100);
        Assert.Equal(75, rate.StepsPerSecond);
    }
}

using System.Text.Json;
using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Tests.Sweeps;

/// <summary>A sweep's status line and JSON show its theory curves only when it has some.</summary>
public class TheoryStatusTests
{
    private static SweepStatus Status(int done, int total) => new(
        "s-0123456789ab", "s", SweepState.Running, new RunCounts(4, 0, 2, 2, 0, 0, 0), 10, 20, 0, 2, null, default, null, done, total);

    [Fact]
    public void TheStatusLineCountsTheoryCurves()
    {
        Assert.Contains(", theory curves 1/3", SweepFollower.Describe(Status(1, 3)), StringComparison.Ordinal);
        Assert.DoesNotContain("theory", SweepFollower.Describe(Status(0, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatusJsonHasATheoryObjectOnlyWithTheoryCurves()
    {
        using JsonDocument with = JsonDocument.Parse(StatusJson.ToJson(Status(2, 3)));
        using JsonDocument without = JsonDocument.Parse(StatusJson.ToJson(Status(0, 0)));

        Assert.Equal(2, with.RootElement.GetProperty("theory").GetProperty("done").GetInt32());
        Assert.Equal(3, with.RootElement.GetProperty("theory").GetProperty("total").GetInt32());
        Assert.False(without.RootElement.TryGetProperty("theory", out _));
    }
}

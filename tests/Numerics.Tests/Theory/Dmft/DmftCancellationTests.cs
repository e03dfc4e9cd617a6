using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Tests.Theory.Dmft;

/// <summary>A solve can be stopped (a cancelled sweep stops its theory curves); an untouched token changes nothing.</summary>
public class DmftCancellationTests
{
    [Theory]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(32.0, 8.0)]
    public void ACancelledTokenStopsTheSolve(double n, double b)
    {
        var settings = new DmftSettings(2.0, 0.4, 1000, 1.0, n, b, 0.05, 200);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DmftSolver.Solve(settings, new DmftOptions { Modes = 16 }, cancelled.Token));
    }

    [Fact]
    public void ALiveTokenGivesTheSameBits()
    {
        var settings = new DmftSettings(2.0, 0.4, 1000, 1.0, 32, 8, 0.05, 100);
        using var live = new CancellationTokenSource();

        Assert.Equal(
            DmftSolver.Solve(settings, new DmftOptions { Modes = 16 }).Loss,
            DmftSolver.Solve(settings, new DmftOptions { Modes = 16 }, live.Token).Loss);
    }
}

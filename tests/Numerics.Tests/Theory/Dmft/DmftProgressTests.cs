using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Tests.Theory.Dmft;

/// <summary>
/// A solve tells its progress the time it has reached, up to T, whichever solver runs; and watching it
/// changes no bit of the curve.
/// </summary>
public class DmftProgressTests
{
    public static TheoryData<double, double, long, DmftTimeGrid> Solvers() => new()
    {
        { 32.0, 8.0, 150, DmftTimeGrid.Uniform },                                        // finite N, B (eq. 26-31)
        { double.PositiveInfinity, double.PositiveInfinity, 400, DmftTimeGrid.Uniform },   // N, B = inf, every step
        { double.PositiveInfinity, double.PositiveInfinity, 5000, DmftTimeGrid.Geometric }, // N, B = inf, exact steps then the flow
    };

    [Theory]
    [MemberData(nameof(Solvers))]
    public void A_solve_reaches_T_and_its_curve_is_the_same_bits_watched_or_not(double n, double b, long steps, DmftTimeGrid grid)
    {
        var settings = new DmftSettings(2.0, 0.4, 1000, 1.0, n, b, 0.05, steps);
        var options = new DmftOptions { Modes = 16, TimeGrid = grid, UniformSteps = 100 };
        var progress = new DmftProgress();

        DmftCurve watched = DmftSolver.Solve(settings, options, CancellationToken.None, progress);
        DmftCurve unwatched = DmftSolver.Solve(settings, options);

        Assert.Equal(steps, progress.Time);
        Assert.Equal(unwatched.Loss, watched.Loss);
        Assert.Equal(unwatched.WeightNormPerWidth, watched.WeightNormPerWidth);
    }

    [Fact]
    public async Task A_stopped_solve_reports_where_it_stopped()
    {
        // Far more steps than the test waits for (N, B = inf, every step: the cost grows as T^2): only the stop ends it.
        const long steps = 200_000;
        var settings = new DmftSettings(2.0, 0.4, 1000, 1.0, double.PositiveInfinity, double.PositiveInfinity, 0.05, steps);
        var options = new DmftOptions { Modes = 16, TimeGrid = DmftTimeGrid.Uniform };
        var progress = new DmftProgress();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Task<DmftCurve> solve = Task.Run(() => DmftSolver.Solve(settings, options, stop.Token, progress));

        // Stop from this thread once the solve is past t = 50: it ends at its next time step, not at T.
        while (progress.Time < 50 && !solve.IsCompleted)
        {
            await Task.Delay(1);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solve);
        Assert.InRange(progress.Time, 50, steps - 1);
    }
}

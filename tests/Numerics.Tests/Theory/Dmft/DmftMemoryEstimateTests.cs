using ScaleSweep.Numerics.Theory.Dmft;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Theory.Dmft;

/// <summary>
/// <see cref="DmftSolver.EstimatedBytes"/>, which the cluster checks a spec's theory curves against, agrees
/// with what each solver really allocates (one thread, so every allocation is on the test's thread).
/// </summary>
public class DmftMemoryEstimateTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(32.0, 200L, 64)] // finite N: eq. 26-31 with the self-term's column-norm nodes
    [InlineData(double.PositiveInfinity, 3000L, 256)] // N, B = inf, geometric grid past 1000 steps
    [InlineData(double.PositiveInfinity, 1000L, 256)] // N, B = inf, uniform grid
    public void TheEstimateIsWithinAQuarterOfWhatTheSolverAllocates(double n, long steps, int modes)
    {
        var settings = new DmftSettings(2.0, 0.4, 1000, 1.0, n, n, 0.05, steps);
        var options = new DmftOptions { Modes = modes, MaxDegreeOfParallelism = 1 };
        long estimate = DmftSolver.EstimatedBytes(settings, options);

        long before = GC.GetAllocatedBytesForCurrentThread();
        DmftSolver.Solve(settings, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        double ratio = (double)allocated / estimate;
        output.WriteLine($"N = {n}, T = {steps}: estimate {estimate} B, allocated {allocated} B, ratio {ratio:F3}");

        // The peak is at most what was allocated; the arrays the estimate counts are most of it.
        Assert.InRange(ratio, 0.75, 1.25);
    }
}

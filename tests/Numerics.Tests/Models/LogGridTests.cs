using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Tests.Models;

public class LogGridTests
{
    [Fact]
    public void FourPointsPerDecadeToOneHundred()
    {
        // 10^(j/4) = 1, 1.78, 3.16, 5.62, 10, 17.8, 31.6, 56.2, 100 -> rounded.
        Assert.Equal([0L, 1, 2, 3, 6, 10, 18, 32, 56, 100], LogGrid.Steps(100, 4));
    }

    [Fact]
    public void AlwaysEndsAtTheLastStepAndIsStrictlyIncreasing()
    {
        foreach (long last in new long[] { 1, 2, 7, 99, 101, 12345 })
        {
            foreach (int ppd in new[] { 1, 3, 10, 50 })
            {
                var steps = LogGrid.Steps(last, ppd);
                Assert.Equal(0, steps[0]);
                Assert.Equal(last, steps[^1]);
                for (int i = 1; i < steps.Length; i++)
                {
                    Assert.True(steps[i] > steps[i - 1]);
                }
            }
        }
    }
}

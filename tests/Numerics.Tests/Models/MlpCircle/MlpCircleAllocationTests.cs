using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>A step works in the buffers allocated with the run: no allocation in the hot loop.</summary>
public sealed class MlpCircleAllocationTests
{
    /// <summary>Steps 1001..1100 hold no recorded step (the grid has 1000 and 1259), so only Update runs.</summary>
    [Theory]
    [InlineData(1.0, 2)]
    [InlineData(1.5, 3)]
    [InlineData(1.3, 2)]
    public void StepsBetweenRecordedPointsAllocateNothing(double qPhi, int depth)
    {
        var config = SimulationConfig.ForMlpCircle(new MlpCircleSettings(1.0, qPhi, depth, 32), 1.0, 32, 8, 0.05, 100_000, 1);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(1000);
        simulation.Advance(1); // warm every path once more outside the measured window
        long before = GC.GetAllocatedBytesForCurrentThread();
        simulation.Advance(99);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(SimulationStatus.Running, simulation.Status);
        Assert.Equal(0, allocated);
    }
}

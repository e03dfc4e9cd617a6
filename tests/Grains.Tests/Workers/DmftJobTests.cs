using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Tests.Workers;

/// <summary>A theory solve on the pool that the solver refuses: no cluster, no storage.</summary>
public sealed class DmftJobTests
{
    [Fact]
    public async Task AnUnstableStepEndsWithTheSolversReasonAndNoCurve()
    {
        // N = 16, rich, eta = 0.5: SGD is at its edge of stability for ~6 % of the DMFT's column norms, so the
        // solver refuses; the curve grain stores "failed" with this error (docs/dmft.md, "Step-size stability").
        var request = new DmftCurveRequest(2.0, 0.4, 1000, 1.0, 16, null, 0.5, 60, 10, 48);
        using var pool = new WorkerPool(Options.Create(new WorkerPoolOptions { Count = 1 }), NullLogger<WorkerPool>.Instance);
        DmftJob job = pool.Enqueue(new DmftJob(request.Key(), request));

        DmftJobOutcome outcome = await job.Outcome.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Null(outcome.Curve);
        Assert.False(outcome.Stopped);
        var error = Assert.IsType<ArgumentOutOfRangeException>(outcome.Error);
        Assert.Equal("eta", error.ParamName);
        Assert.Contains("edge of stability", error.Message, StringComparison.Ordinal);
    }
}

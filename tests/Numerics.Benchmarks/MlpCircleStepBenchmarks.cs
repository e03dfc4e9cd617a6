using BenchmarkDotNet.Attributes;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Time per SGD step of the MLP on the circle (q = 1, ReLU, depth 2, B = 32, gamma_0 = 1) at N = 128 and 256.
/// Each invocation advances a warmed-up run by 50 steps (none of them a recorded step after the first few
/// thousand, so no exact loss) and BenchmarkDotNet divides by OperationsPerInvoke: Mean is per step, and the
/// memory diagnoser shows the step allocates nothing.
/// </summary>
[MemoryDiagnoser]
public class MlpCircleStepBenchmarks
{
    private ISimulation _simulation = null!;

    [Params(128, 256)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _simulation = SimulationFactory.Create(MlpCircleStepsReport.Config(N, 32, 2, 1.0));
        _simulation.Advance(200);
    }

    [Benchmark(OperationsPerInvoke = 50)]
    public long Step() => _simulation.Advance(50);
}

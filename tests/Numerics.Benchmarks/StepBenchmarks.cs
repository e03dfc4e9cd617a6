using BenchmarkDotNet.Attributes;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Time per SGD step of the literal (baseline) and the fast projected model at M = 10^4, B = 128,
/// gamma = 1. Each invocation advances a warmed-up simulation by a few steps and BenchmarkDotNet
/// divides by OperationsPerInvoke, so Mean is per step and the Ratio column is fast / reference in
/// the same run.
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private ISimulation _reference = null!;
    private ISimulation _fast = null!;

    [Params(128, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 10_000, 1.0, N, 128, 0.05, 100_000_000, 1);
        _reference = SimulationFactory.Create(config with { Sampler = Sampler.Reference });
        _fast = SimulationFactory.Create(config);
        _reference.Advance(2);
        _fast.Advance(200);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 4)]
    public long Reference() => _reference.Advance(4);

    [Benchmark(OperationsPerInvoke = 400)]
    public long Fast() => _fast.Advance(400);
}

using BenchmarkDotNet.Attributes;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Steps per second of the literal and the fast projected model at M = 10^4, B = 128, gamma = 1.
/// One invocation advances a warmed-up simulation by a fixed number of steps; the ratio of the two
/// rows at the same N is the speed-up (BenchmarkDotNet's Ratio column, baseline = reference).
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private ISimulation _simulation = null!;

    [Params(128, 1024)]
    public int N { get; set; }

    [Params(Sampler.Reference, Sampler.Fast)]
    public Sampler Sampler { get; set; }

    /// <summary>Steps per invocation: 2 for the slow reference, 200 for the fast path.</summary>
    public int StepsPerInvocation => Sampler == Sampler.Reference ? 2 : 200;

    [GlobalSetup]
    public void Setup()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 10_000, 1.0, N, 128, 0.05, 10_000_000, 1, Sampler: Sampler);
        _simulation = SimulationFactory.Create(config);
        _simulation.Advance(StepsPerInvocation);
    }

    [Benchmark]
    public long Advance() => _simulation.Advance(StepsPerInvocation);
}

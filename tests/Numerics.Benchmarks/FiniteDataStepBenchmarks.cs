using BenchmarkDotNet.Attributes;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Time per step of training on a finite set (Appendix D) at the point M = 10^4, N = 128, P = 1024,
/// gamma = 1: the literal eq. 32 in discrete time (the baseline: P x M data, A and A0 explicit) against the fast
/// model (P x N features, N x N Gram matrix), full batch (B = P) and multi-pass SGD (B = 128). Each invocation
/// advances a warmed-up run by a few steps and BenchmarkDotNet divides by OperationsPerInvoke, so Mean is per
/// step and the Ratio column is fast / literal in the same run.
/// </summary>
[MemoryDiagnoser]
public class FiniteDataStepBenchmarks
{
    private ISimulation _literal = null!;
    private ISimulation _fast = null!;

    [Params(1024L, 128L)]
    public long B { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        SimulationConfig config = FiniteDataStepsReport.Config(B, Sampler.Fast);
        _literal = SimulationFactory.Create(config with { Sampler = Sampler.Reference });
        _fast = SimulationFactory.Create(config);
        _literal.Advance(2);
        _fast.Advance(200);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    public long Literal() => _literal.Advance(2);

    [Benchmark(OperationsPerInvoke = 200)]
    public long Fast() => _fast.Advance(200);
}

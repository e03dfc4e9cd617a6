using BenchmarkDotNet.Attributes;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// N, B -&gt; infinity DMFT to T steps: every SGD step (<see cref="InfiniteWidthDmft"/>, baseline) against the
/// coarse grid (<see cref="GradientFlowDmft"/>: 1000 exact steps, then the gradient flow at 100 points per
/// decade). beta = 0.4, gamma = 1, M = 10^5, 256 modes, one thread each, so the Ratio column is the speed-up in
/// the same run on a shared machine. `dotnet run -c Release --project tests/Numerics.Benchmarks -- --filter *DmftGrid*`
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class DmftGridBenchmarks
{
    private ModeSet _modes = null!;

    [Params(3000L)]
    public long T { get; set; }

    [GlobalSetup]
    public void Setup() => _modes = ModeQuadrature.PowerLaw(2.0, 0.4, 100_000, DmftOptions.DefaultInfiniteModes);

    [Benchmark(Baseline = true)]
    public double Uniform() => InfiniteWidthDmft.Solve(_modes, 1.0, 0.05, T).Loss[^1];

    [Benchmark]
    public double Geometric() => GradientFlowDmft.Solve(_modes, 1.0, 0.05, T).Loss[^1];
}

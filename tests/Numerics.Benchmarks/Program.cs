using BenchmarkDotNet.Running;
using ScaleSweep.Numerics.Benchmarks;

if (args.Length > 0 && args[0] == "steps")
{
    // The figures without BenchmarkDotNet's overhead: steps/s of each sampler, the ratio,
    // and GFLOP/s against the kernel's in-cache peak, written to a file.
    return StepsPerSecondReport.Run(args.Length > 1 ? args[1] : "benchmark-results.md");
}

if (args.Length > 0 && args[0] == "dmft-validate")
{
    // The DMFT's quadrature and time errors, solver times and agreement with simulation (docs/dmft.md).
    return DmftValidationReport.Run(args.Length > 1 ? args[1] : "dmft-validation.md");
}

if (args.Length > 0 && args[0] == "dmft-explore")
{
    return DmftExplore.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(StepBenchmarks).Assembly).Run(args);
return 0;

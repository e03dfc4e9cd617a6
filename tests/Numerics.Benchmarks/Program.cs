using BenchmarkDotNet.Running;
using ScaleSweep.Numerics.Benchmarks;

if (args.Length > 0 && args[0] == "steps")
{
    // The figures without BenchmarkDotNet's overhead: steps/s of each sampler, the ratio,
    // and GFLOP/s against the kernel's in-cache peak, written to a file.
    return StepsPerSecondReport.Run(args.Length > 1 ? args[1] : "benchmark-results.md");
}

if (args.Length > 0 && args[0] == "finite-data-steps")
{
    // Issue 13's figure: the fast finite-data step against the literal eq. 32 step, M = 10^4, N = 128, P = 1024.
    return FiniteDataStepsReport.Run(args.Length > 1 ? args[1] : "finite-data-steps.md");
}

if (args.Length > 0 && args[0] == "mlp-steps")
{
    // Issue 14: steps/s of the MLP on the circle over N, B, depth and q_phi, and one exact loss (docs/mlp-circle.md).
    return MlpCircleStepsReport.Run(args.Length > 1 ? args[1] : "mlp-steps.md");
}

if (args.Length > 0 && args[0] == "dmft-validate")
{
    // The DMFT's quadrature and time errors, solver times and agreement with simulation (docs/dmft.md).
    return DmftValidationReport.Run(args.Length > 1 ? args[1] : "dmft-validation.md");
}

if (args.Length > 0 && args[0] == "floor")
{
    // Issue 16: time and precision of the exact model-size floor at one (N, M).
    return FloorReport.Run(args);
}

if (args.Length > 0 && args[0] == "dmft-explore")
{
    return DmftExplore.Run(args);
}

if (args.Length > 0 && args[0] == "dmft-reuse-explore")
{
    return DataReuseExplore.Run(args);
}

if (args.Length > 0 && args[0] == "dmft-grid")
{
    // Only the coarse-time-grid part of dmft-validate: convergence study and error/time table.
    var md = new System.Text.StringBuilder();
    if (args.Length > 2 && args[2] == "convergence")
    {
        DmftTimeGridReport.AppendConvergence(md, args.Length > 3 ? long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    }
    else
    {
        DmftTimeGridReport.Append(md, quick: args.Length > 2 && args[2] == "quick");
    }

    File.WriteAllText(args.Length > 1 ? args[1] : "dmft-grid.md", md.ToString());
    Console.Write(md.ToString());
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(StepBenchmarks).Assembly).Run(args);
return 0;

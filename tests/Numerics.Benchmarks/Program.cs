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

if (args.Length > 0 && args[0] == "dmft-grid-debug")
{
    var inv = System.Globalization.CultureInfo.InvariantCulture;
    double beta = double.Parse(args[1], inv), gamma = double.Parse(args[2], inv);
    long t = long.Parse(args[3], inv), t0 = long.Parse(args[4], inv);
    int p = int.Parse(args[5], inv), modesBudget = int.Parse(args[6], inv);
    var modes = ScaleSweep.Numerics.Theory.Dmft.ModeQuadrature.PowerLaw(2.0, beta, 100_000, modesBudget);
    var c0 = ScaleSweep.Numerics.Theory.Dmft.GradientFlowDmft.Solve(modes, gamma, 0.05, t, 10, t0, p, 2);
    var u = t <= 20_000 ? ScaleSweep.Numerics.Theory.Dmft.InfiniteWidthDmft.Solve(modes, gamma, 0.05, t, 10, 2) : c0;
    var c = ScaleSweep.Numerics.Theory.Dmft.GradientFlowDmft.Solve(modes, gamma, 0.05, t, 10, t0, p, 2);
    Console.WriteLine($"residual {c.Residual:E2} points {c.TimePoints}");
    for (int i = 0; i < u.Steps.Length; i++)
    {
        Console.WriteLine(string.Create(inv, $"{u.Steps[i]} {u.Loss[i]:E6} {c.Loss[i]:E6} {c.Loss[i] / u.Loss[i] - 1:E2} {u.WeightNormPerWidth[i]:E4} {c.WeightNormPerWidth[i]:E4}"));
    }

    return 0;
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

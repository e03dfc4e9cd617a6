using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Measures, in one process and one run, steps per second of the reference and the fast projected
/// model (M = 10^4, B = 128, gamma = 1, N = 128 and 1024), their ratio, and the fast path's
/// achieved GFLOP/s against the peak of the same kernel (the deterministic dot product that every
/// N x N product is built from) on in-cache data, measured here too.
/// </summary>
public static class StepsPerSecondReport
{
    public static int Run(string outputPath)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, Vector256 hardware: {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, .NET {Environment.Version}");
        double peak = KernelPeakGflops();
        report.AppendLine(CultureInfo.InvariantCulture, $"Kernel peak (best of Dot on 2 x 512 doubles and 128 x 128 Gemv, in cache, one core): {peak:F2} GFLOP/s");
        report.AppendLine();
        report.AppendLine("| N | reference steps/s | fast steps/s | fast / reference | fast GFLOP/s | % of kernel peak |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (int n in new[] { 128, 1024 })
        {
            double reference = StepsPerSecond(n, Sampler.Reference, TimeSpan.FromSeconds(8));
            double fast = StepsPerSecond(n, Sampler.Fast, TimeSpan.FromSeconds(4));

            // Per fast step: K u, Bmat g and Bmat^T w (2 N^2 each), the rank-1 update (2 N^2) and
            // the triangular factor times eta ((N+1)^2).
            double flopsPerStep = 8.0 * n * n + (n + 1.0) * (n + 1.0);
            double gflops = fast * flopsPerStep / 1e9;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {n} | {reference:F2} | {fast:F1} | {fast / reference:F0}x | {gflops:F2} | {100 * gflops / peak:F0}% |");
            Console.WriteLine(report.ToString().Split('\n')[^2]);
        }

        File.WriteAllText(outputPath, report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static double StepsPerSecond(int n, Sampler sampler, TimeSpan budget)
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 10_000, 1.0, n, 128, 0.05, 100_000_000, 1, Sampler: sampler);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(sampler == Sampler.Fast ? 50 : 2);
        long steps = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            steps += simulation.Advance(sampler == Sampler.Fast ? 50 : 1);
        }

        return steps / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The best of the deterministic dot product on 2 x 512 doubles and the 128 x 128 matrix-vector
    /// product, both resident in L1/L2, on one core: what the fast step's kernels can reach at best.
    /// </summary>
    private static double KernelPeakGflops()
    {
        var x = new double[512];
        var y = new double[512];
        var a = new double[128 * 128];
        var v = new double[128];
        var r = new double[128];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 1.0 + i * 1e-3;
            y[i] = 1.0 - i * 1e-3;
        }

        Array.Fill(a, 0.5);
        Array.Fill(v, 0.25);
        double sink = 0;
        double dot = Measure(() => sink += DeterministicBlas.Dot(x, y), 2.0 * x.Length);
        double gemv = Measure(() => DeterministicBlas.Gemv(a, 128, 128, v, r), 2.0 * a.Length);
        GC.KeepAlive(sink);
        return Math.Max(dot, gemv);
    }

    private static double Measure(Action kernel, double flopsPerCall)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1500)
        {
            for (int i = 0; i < 1000; i++)
            {
                kernel();
            }

            calls += 1000;
        }

        return calls * flopsPerCall / clock.Elapsed.TotalSeconds / 1e9;
    }
}

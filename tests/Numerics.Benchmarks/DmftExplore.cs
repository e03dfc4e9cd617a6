using System.Diagnostics;
using System.Globalization;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Diagnostic: `dmft-explore beta gamma N B M T seeds [modes or -] [column-norm nodes]` prints the DMFT against the
/// simulation mean (seeds 0..S-1) at every recorded step, in SEM and relative units; seeds = 0 instead prints the
/// convergence of the column-norm quadrature (1..8 nodes against 16). alpha = 2, eta = 0.05, B = inf allowed.
/// </summary>
internal static class DmftExplore
{
    public static int Run(string[] a)
    {
        var c = CultureInfo.InvariantCulture;
        double beta = double.Parse(a[1], c), gamma = double.Parse(a[2], c);
        int n = int.Parse(a[3], c);
        long? b = a[4] == "inf" ? null : long.Parse(a[4], c);
        int m = int.Parse(a[5], c);
        long T = long.Parse(a[6], c);
        int seeds = int.Parse(a[7], c);
        int? modes = a.Length > 8 && a[8] != "-" ? int.Parse(a[8], c) : null;
        int q = a.Length > 9 ? int.Parse(a[9], c) : 6;
        if (seeds == 0)
        {
            var reference = DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, n, b ?? double.PositiveInfinity, 0.05, T), new DmftOptions { Modes = modes, ColumnNormNodes = 16 });
            foreach (int nodes in new[] { 1, 2, 3, 4, 6, 8 })
            {
                var sw = Stopwatch.StartNew();
                var cur = DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, n, b ?? double.PositiveInfinity, 0.05, T), new DmftOptions { Modes = modes, ColumnNormNodes = nodes });
                double worst = 0;
                for (int i = 0; i < cur.Loss.Length; i++)
                {
                    worst = Math.Max(worst, Math.Abs(cur.Loss[i] / reference.Loss[i] - 1));
                }

                Console.WriteLine($"Q {nodes}: max rel vs Q=16 {worst:E2}  {sw.Elapsed.TotalSeconds:F2}s");
            }

            return 0;
        }

        var clock = Stopwatch.StartNew();
        var theory = DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, n, b ?? double.PositiveInfinity, 0.05, T), new DmftOptions { Modes = modes, ColumnNormNodes = q });
        double dmftSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var config = new SimulationConfig(ModelKind.Projected, 2.0, beta, m, gamma, n, b, 0.05, T, 0);
        var curves = new SeedCurve[seeds];
        Parallel.For(0, seeds, s =>
        {
            var sim = SimulationFactory.Create(config with { Seed = (ulong)s });
            sim.Advance(long.MaxValue);
            curves[s] = new SeedCurve(sim.Curve.Steps, sim.Curve.Loss);
        });
        var mean = SeedAggregate.Compute(curves);
        Console.WriteLine($"dmft {dmftSeconds:F2}s sim {clock.Elapsed.TotalSeconds:F2}s");
        double zmax = 0, rmax = 0;
        for (int i = 0; i < theory.Steps.Length; i++)
        {
            double z = (theory.Loss[i] - mean.Mean[i]) / mean.Sem[i];
            double r = theory.Loss[i] / mean.Mean[i] - 1;
            if (i > 0) { zmax = Math.Max(zmax, Math.Abs(z)); rmax = Math.Max(rmax, Math.Abs(r)); }
            Console.WriteLine(string.Create(c, $"{theory.Steps[i],6} sim {mean.Mean[i]:E4} +- {mean.Sem[i]:E2}  dmft {theory.Loss[i]:E4}  z {z,6:F2}  rel {r,7:P2}"));
        }

        Console.WriteLine(string.Create(c, $"max |z| {zmax:F2}  max rel {rmax:P2}"));
        return 0;
    }
}

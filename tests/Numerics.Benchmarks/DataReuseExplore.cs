using System.Diagnostics;
using System.Globalization;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Diagnostic: `dmft-reuse-explore beta gamma N P M T seeds [eta] [modes or -]` prints the finite-data DMFT
/// (eq. 41, <see cref="DataReuseDmft"/>) against the simulation mean (ProjectedFiniteData, full batch B = P,
/// seeds 0..S-1) at every recorded step, test and train loss, in SEM and relative units. alpha = 2. seeds = 0
/// instead prints how far the discrete steps of eta are from the gradient flow of eq. 41: the DMFT at eta against
/// eta / 2 and 4 at equal flow time eta x step (max relative difference of test and train loss).
/// </summary>
internal static class DataReuseExplore
{
    public static int Run(string[] a)
    {
        var c = CultureInfo.InvariantCulture;
        double beta = double.Parse(a[1], c), gamma = double.Parse(a[2], c);
        double nTheory = a[3] == "inf" ? double.PositiveInfinity : double.Parse(a[3], c);
        int n = double.IsPositiveInfinity(nTheory) ? 0 : (int)nTheory;
        long p = long.Parse(a[4], c);
        int m = int.Parse(a[5], c);
        long steps = long.Parse(a[6], c);
        int seeds = int.Parse(a[7], c);
        double eta = a.Length > 8 ? double.Parse(a[8], c) : 0.05;
        int? modes = a.Length > 9 && a[9] != "-" ? int.Parse(a[9], c) : null;

        if (seeds < -1)
        {
            return LinearRegressionMonteCarlo(beta, p, m, steps, -seeds, eta);
        }

        if (seeds < 0)
        {
            // The DMFT alone (N may be inf): test and train loss at every recorded step, with and without the self-term.
            var with = DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, nTheory, double.PositiveInfinity, eta, steps, p), new DmftOptions { Modes = modes });
            var without = DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, nTheory, double.PositiveInfinity, eta, steps, p), new DmftOptions { Modes = modes, SelfTerm = false });
            for (int i = 0; i < with.Steps.Length; i++)
            {
                Console.WriteLine(string.Create(c, $"{with.Steps[i],6} test {with.Loss[i]:R} {without.Loss[i]:R} train {with.TrainLoss[i]:R} {without.TrainLoss[i]:R}"));
            }

            return 0;
        }

        if (seeds == 0)
        {
            return FlowLimit(beta, gamma, n, p, m, steps, eta, modes);
        }

        var clock = Stopwatch.StartNew();
        var theory = DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, n, double.PositiveInfinity, eta, steps, p), new DmftOptions { Modes = modes });
        double dmftSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var config = new SimulationConfig(ModelKind.Projected, 2.0, beta, m, gamma, n, p, eta, steps, 0) { P = p };
        var test = new SeedCurve[seeds];
        var train = new SeedCurve[seeds];
        Parallel.For(0, seeds, s =>
        {
            var sim = SimulationFactory.Create(config with { Seed = (ulong)s });
            sim.Advance(long.MaxValue);
            test[s] = new SeedCurve(sim.Curve.Steps, sim.Curve.Loss);
            train[s] = new SeedCurve(sim.Curve.Steps, sim.Curve.TrainLoss);
        });
        var testMean = SeedAggregate.Compute(test);
        var trainMean = SeedAggregate.Compute(train);
        Console.WriteLine($"{config.CanonicalText()}: dmft {dmftSeconds:F2}s, {seeds} seeds {clock.Elapsed.TotalSeconds:F2}s");
        double zTest = 0, zTrain = 0, rTest = 0, rTrain = 0;
        for (int i = 0; i < theory.Steps.Length; i++)
        {
            double z1 = (theory.Loss[i] - testMean.Mean[i]) / testMean.Sem[i];
            double r1 = theory.Loss[i] / testMean.Mean[i] - 1;
            double z2 = (theory.TrainLoss[i] - trainMean.Mean[i]) / trainMean.Sem[i];
            double r2 = theory.TrainLoss[i] / trainMean.Mean[i] - 1;
            if (i > 0)
            {
                zTest = Math.Max(zTest, Math.Abs(z1));
                rTest = Math.Max(rTest, Math.Abs(r1));
                zTrain = Math.Max(zTrain, Math.Abs(z2));
                rTrain = Math.Max(rTrain, Math.Abs(r2));
            }

            Console.WriteLine(string.Create(c, $"{theory.Steps[i],6} test sim {testMean.Mean[i]:E4} +- {testMean.Sem[i]:E2} dmft {theory.Loss[i]:E4} z {z1,6:F2} rel {r1,7:P2} | train sim {trainMean.Mean[i]:E4} +- {trainMean.Sem[i]:E2} dmft {theory.TrainLoss[i]:E4} z {z2,6:F2} rel {r2,7:P2}"));
        }

        Console.WriteLine(string.Create(c, $"test: max |z| {zTest:F2} max rel {rTest:P2}; train: max |z| {zTrain:F2} max rel {rTrain:P2}"));
        clock.Restart();
        var printed = DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, n, double.PositiveInfinity, eta, steps, p), new DmftOptions { Modes = modes, SelfTerm = false });
        double printedSeconds = clock.Elapsed.TotalSeconds;
        (double pzTest, double prTest) = Worst(printed.Loss, testMean);
        (double pzTrain, double prTrain) = Worst(printed.TrainLoss, trainMean);
        Console.WriteLine(string.Create(c, $"printed eq. 41 ({printedSeconds:F2}s): test: max |z| {pzTest:F2} max rel {prTest:P2}; train: max |z| {pzTrain:F2} max rel {prTrain:P2}"));
        return 0;
    }

    private static int FlowLimit(double beta, double gamma, int n, long p, int m, long steps, double eta, int? modes)
    {
        var options = new DmftOptions { Modes = modes };
        DmftCurve Solve(int refine) => DmftSolver.Solve(new DmftSettings(2.0, beta, m, gamma, n, double.PositiveInfinity, eta / refine, steps * refine, p), options);
        var coarse = Solve(1);
        foreach (int refine in new[] { 2, 4 })
        {
            var fine = Solve(refine);
            double test = 0, train = 0;
            for (int i = 1; i < coarse.Steps.Length; i++)
            {
                int j = Array.IndexOf(fine.Steps, coarse.Steps[i] * refine);
                if (j < 0)
                {
                    continue;
                }

                test = Math.Max(test, Math.Abs(coarse.Loss[i] / fine.Loss[j] - 1));
                train = Math.Max(train, Math.Abs(coarse.TrainLoss[i] / fine.TrainLoss[j] - 1));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"eta {eta} against eta/{refine}: max relative difference at equal flow time: test {test:E2}, train {train:E2}"));
        }

        return 0;
    }

    /// <summary>
    /// N = inf, gamma = 0 by direct Monte Carlo: gradient descent v0 -&gt; v0 - eta S v0 on S = Psi^T Psi / P, test
    /// loss v0^T Lambda v0 and train loss v0^T S v0, means and standard errors over <paramref name="samples"/> sets.
    /// </summary>
    private static int LinearRegressionMonteCarlo(double beta, long p, int m, long steps, int samples, double eta)
    {
        var spectrum = ScaleSweep.Numerics.Spectra.Spectrum.PowerLaw(2.0, beta, m);
        double[] lam = spectrum.Lambda.ToArray(), wStar = spectrum.WStar.ToArray();
        int t1 = (int)steps + 1;
        var sums = new double[4 * t1];
        object gate = new();
        Parallel.For(0, samples, () => new double[4 * t1], (sample, _, local) =>
        {
            var rng = new System.Random(sample * 7919 + 17);
            var psi = new double[p * m];
            for (int i = 0; i < psi.Length; i++)
            {
                double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
                psi[i] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2) * Math.Sqrt(lam[i % m]);
            }

            var v = (double[])wStar.Clone();
            var r = new double[p];
            var g = new double[m];
            for (int t = 0; t < t1; t++)
            {
                double test = 0, train = 0;
                for (int k = 0; k < m; k++)
                {
                    test += lam[k] * v[k] * v[k];
                }

                Array.Clear(g);
                for (int mu = 0; mu < p; mu++)
                {
                    double e = 0;
                    for (int k = 0; k < m; k++)
                    {
                        e += psi[mu * m + k] * v[k];
                    }

                    train += e * e;
                    for (int k = 0; k < m; k++)
                    {
                        g[k] += e * psi[mu * m + k];
                    }
                }

                train /= p;
                local[4 * t] += test;
                local[4 * t + 1] += test * test;
                local[4 * t + 2] += train;
                local[4 * t + 3] += train * train;
                for (int k = 0; k < m; k++)
                {
                    v[k] -= eta * g[k] / p;
                }
            }

            return local;
        }, local =>
        {
            lock (gate)
            {
                for (int i = 0; i < sums.Length; i++)
                {
                    sums[i] += local[i];
                }
            }
        });

        for (int t = 0; t < t1; t++)
        {
            double mt = sums[4 * t] / samples, mr = sums[4 * t + 2] / samples;
            double st = Math.Sqrt((sums[4 * t + 1] / samples - mt * mt) / samples), sr = Math.Sqrt((sums[4 * t + 3] / samples - mr * mr) / samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t,6} test {mt:F6} +- {st:E1} train {mr:F6} +- {sr:E1}"));
        }

        return 0;
    }

    private static (double Z, double Relative) Worst(double[] theory, SeedAggregateResult mean)
    {
        double z = 0, relative = 0;
        for (int i = 1; i < theory.Length; i++)
        {
            z = Math.Max(z, Math.Abs(theory[i] - mean.Mean[i]) / mean.Sem[i]);
            relative = Math.Max(relative, Math.Abs(theory[i] / mean.Mean[i] - 1));
        }

        return (z, relative);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// `dmft-validate out.md`: the DMFT's errors and timings at the issue's sizes, as a markdown report —
/// mode quadrature against the full sum, solver times, the coarse time grid against uniform steps, agreement with simulation means in SE units,
/// and late-time slopes against chi(beta). alpha = 2, eta = 0.05 throughout.
/// </summary>
internal static class DmftValidationReport
{
    private const double Alpha = 2.0;
    private const double Eta = 0.05;

    public static int Run(string path)
    {
        var md = new StringBuilder();
        md.AppendLine("# DMFT validation").AppendLine();
        md.AppendLine(Inv($"{Environment.ProcessorCount} processors, alpha = 2, eta = 0.05.")).AppendLine();

        md.AppendLine("## Mode quadrature against the full sum (N, B = inf, gamma = 1, M = 10^4, T = 1000)").AppendLine();
        md.AppendLine("| beta | modes | max relative error | time quadrature (s) | time full (s) |").AppendLine("|---|---|---|---|---|");
        foreach (double beta in new[] { 0.4, 1.2 })
        {
            var clock = Stopwatch.StartNew();
            var full = InfiniteWidthDmft.Solve(ModeQuadrature.Full(Spectrum.PowerLaw(Alpha, beta, 10_000)), 1.0, Eta, 1000, 10, Environment.ProcessorCount);
            double fullSeconds = clock.Elapsed.TotalSeconds;
            foreach (int budget in new[] { 64, 128, 256 })
            {
                clock.Restart();
                var q = InfiniteWidthDmft.Solve(ModeQuadrature.PowerLaw(Alpha, beta, 10_000, budget), 1.0, Eta, 1000, 10, Environment.ProcessorCount);
                md.AppendLine(Inv($"| {beta} | {q.ModesUsed} | {MaxRelative(q.Loss, full.Loss):E2} | {clock.Elapsed.TotalSeconds:F2} | {fullSeconds:F1} |"));
            }
        }

        md.AppendLine().AppendLine("## Finite N, B: quadrature (48 modes) against 192 modes (gamma = 1, N = 64, B = 8, M = 10^4, T = 300)").AppendLine();
        {
            var settings = new DmftSettings(Alpha, 0.4, 10_000, 1.0, 64, 8, Eta, 300);
            var coarse = DmftSolver.Solve(settings);
            var fine = DmftSolver.Solve(settings, new DmftOptions { Modes = 192 });
            md.AppendLine(Inv($"max relative difference {MaxRelative(coarse.Loss, fine.Loss):E2}")).AppendLine();
        }

        md.AppendLine("## Solver times").AppendLine();
        md.AppendLine("| equations | settings | modes | T | seconds |").AppendLine("|---|---|---|---|---|");
        foreach (double beta in new[] { 0.4, 1.2 })
        {
            var settings = new DmftSettings(Alpha, beta, 100_000, 1.0, double.PositiveInfinity, double.PositiveInfinity, Eta, 10_000);
            foreach (var grid in new[] { DmftTimeGrid.Uniform, DmftTimeGrid.Geometric })
            {
                var clock = Stopwatch.StartNew();
                var curve = DmftSolver.Solve(settings, new DmftOptions { TimeGrid = grid });
                md.AppendLine(Inv($"| eq. 43-44, {grid} grid | beta {beta}, gamma 1, M 10^5, N = B = inf | {curve.ModesUsed} | 10^4 | {clock.Elapsed.TotalSeconds:F1} |"));
            }
        }

        foreach (bool self in new[] { true, false })
        {
            var settings = new DmftSettings(Alpha, 0.4, 10_000, 1.0, 64, 8, Eta, 300);
            var options = new DmftOptions { SelfTerm = self };
            var clock = Stopwatch.StartNew();
            var curve = DmftSolver.Solve(settings, options);
            string label = self ? $"eq. 26-31 + self-term ({options.ColumnNormNodesFor(64)} nodes)" : "eq. 26-31 as printed";
            md.AppendLine(Inv($"| {label} | beta 0.4, gamma 1, M 10^4, N 64, B 8 | {curve.ModesUsed} | 300 | {clock.Elapsed.TotalSeconds:F1} |"));
        }

        md.AppendLine().AppendLine("## Finite N, B: agreement with simulation means (ProjectedFast, seeds 0..S-1, M = 1000, T = 200)").AppendLine();
        md.AppendLine("z = |DMFT - mean| / SEM at each recorded step t >= 1; max over the steps with t <= 40 (early) and over all. " +
            "'printed' is eq. 26-31 without the self-term (DmftOptions.SelfTerm = false).").AppendLine();
        md.AppendLine("| beta | gamma | N | B | seeds | max z, t <= 40 | max z | max rel. diff. | printed: max z, t <= 40 | printed: max z | printed: max rel. | DMFT s | sim s |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var finite = new List<(double Beta, double Gamma, int N, long? B, int Seeds)>();
        foreach (int n in new[] { 16, 64, 256, 512 })
        {
            int seeds = n switch { 16 => 1024, 64 => 512, 256 => 128, _ => 64 };
            foreach (double beta in new[] { 0.4, 1.2 })
            {
                foreach (double gamma in new[] { 0.0, 1.0 })
                {
                    finite.Add((beta, gamma, n, null, seeds));
                }
            }
        }

        finite.Add((0.4, 1.0, 16, 8, 1024));
        finite.Add((1.2, 0.0, 16, 8, 1024));
        finite.Add((0.4, 1.0, 64, 4, 512));
        finite.Add((1.2, 1.0, 256, 8, 128));
        foreach (var c in finite)
        {
            const long steps = 200;
            var settings = new DmftSettings(Alpha, c.Beta, 1000, c.Gamma, c.N, c.B ?? double.PositiveInfinity, Eta, steps);
            var clock = Stopwatch.StartNew();
            var theory = DmftSolver.Solve(settings);
            double seconds = clock.Elapsed.TotalSeconds;
            var printed = DmftSolver.Solve(settings, new DmftOptions { SelfTerm = false });
            clock.Restart();
            var mean = SimulationMean(new SimulationConfig(ModelKind.Projected, Alpha, c.Beta, 1000, c.Gamma, c.N, c.B, Eta, steps, 0), c.Seeds);
            double simSeconds = clock.Elapsed.TotalSeconds;
            (double early, double all, double rel) = Agreement(mean, theory);
            (double pEarly, double pAll, double pRel) = Agreement(mean, printed);
            md.AppendLine(Inv($"| {c.Beta} | {c.Gamma} | {c.N} | {c.B?.ToString(CultureInfo.InvariantCulture) ?? "inf"} | {c.Seeds} | {early:F2} | {all:F2} | {rel:P1} | {pEarly:F2} | {pAll:F2} | {pRel:P1} | {seconds:F1} | {simSeconds:F1} |"));
            Console.Error.WriteLine(Inv($"finite {c}: z {early:F2}/{all:F2} printed {pEarly:F2}/{pAll:F2}"));
        }

        md.AppendLine();
        DmftTimeGridReport.Append(md);
        DmftTimeGridReport.AppendConvergence(md, 3000);

        md.AppendLine().AppendLine("## N, B = inf against large-width simulation means").AppendLine();
        md.AppendLine("| beta | gamma | N | B | M | T | seeds | max abs z (t >= 1) | max relative difference | DMFT s |").AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        var cases = new (double Beta, double Gamma, int N, long? B, int M, long T, int Seeds)[]
        {
            (0.4, 1.0, 1024, null, 1000, 1000, 8),
            (1.2, 1.0, 1024, null, 1000, 1000, 8),
        };
        foreach (var c in cases)
        {
            var clock = Stopwatch.StartNew();
            var theory = DmftSolver.Solve(new DmftSettings(Alpha, c.Beta, c.M, c.Gamma, double.PositiveInfinity, double.PositiveInfinity, Eta, c.T));
            double seconds = clock.Elapsed.TotalSeconds;
            var mean = SimulationMean(new SimulationConfig(ModelKind.Projected, Alpha, c.Beta, c.M, c.Gamma, c.N, c.B, Eta, c.T, 0), c.Seeds);
            (_, double z, double relative) = Agreement(mean, theory);
            md.AppendLine(Inv($"| {c.Beta} | {c.Gamma} | {c.N} (DMFT: inf) | inf | {c.M} | {c.T} | {c.Seeds} | {z:F2} | {relative:P1} | {seconds:F1} |"));
        }

        md.AppendLine().AppendLine("## Late-time slopes (N, B = inf, gamma = 1, M = 10^5, least squares over [10^3, 10^4])").AppendLine();
        md.AppendLine("| beta | slope | chi(beta) | relative |").AppendLine("|---|---|---|---|");
        foreach (double beta in new[] { 0.4, 1.2 })
        {
            var curve = DmftSolver.Solve(new DmftSettings(Alpha, beta, 100_000, 1.0, double.PositiveInfinity, double.PositiveInfinity, Eta, 10_000));
            double slope = Slope(curve, 1000, 10_000);
            double chi = Exponents.ChiRich(beta);
            md.AppendLine(Inv($"| {beta} | {slope:F4} | {chi:F4} | {slope / chi - 1:P1} |"));
        }

        File.WriteAllText(path, md.ToString());
        Console.Write(md.ToString());
        return 0;
    }

    private static SeedAggregateResult SimulationMean(SimulationConfig config, int seeds)
    {
        var curves = new SeedCurve[seeds];
        Parallel.For(0, seeds, s =>
        {
            var simulation = SimulationFactory.Create(config with { Seed = (ulong)s });
            simulation.Advance(long.MaxValue);
            curves[s] = new SeedCurve(simulation.Curve.Steps, simulation.Curve.Loss);
        });
        return SeedAggregate.Compute(curves);
    }

    /// <summary>Max |DMFT - mean| / SEM over 1 &lt;= t &lt;= 40 and over t &gt;= 1, and the max relative difference.</summary>
    private static (double Early, double All, double Relative) Agreement(SeedAggregateResult mean, DmftCurve theory)
    {
        double early = 0, all = 0, relative = 0;
        for (int i = 1; i < theory.Loss.Length; i++)
        {
            double z = Math.Abs(mean.Mean[i] - theory.Loss[i]) / mean.Sem[i];
            all = Math.Max(all, z);
            if (theory.Steps[i] <= 40)
            {
                early = Math.Max(early, z);
            }

            relative = Math.Max(relative, Math.Abs(theory.Loss[i] / mean.Mean[i] - 1));
        }

        return (early, all, relative);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double MaxRelative(double[] a, double[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] / b[i] - 1));
        }

        return worst;
    }

    private static double Slope(DmftCurve curve, long from, long to)
    {
        var x = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < curve.Steps.Length; i++)
        {
            if (curve.Steps[i] >= from && curve.Steps[i] <= to)
            {
                x.Add(Math.Log(curve.Steps[i]));
                y.Add(Math.Log(curve.Loss[i]));
            }
        }

        return -MathNet.Numerics.Fit.Line(x.ToArray(), y.ToArray()).B;
    }
}

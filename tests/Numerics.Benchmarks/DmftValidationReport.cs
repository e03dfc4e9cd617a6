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

        {
            var settings = new DmftSettings(Alpha, 0.4, 10_000, 1.0, 64, 8, Eta, 1000);
            var clock = Stopwatch.StartNew();
            var curve = DmftSolver.Solve(settings);
            md.AppendLine(Inv($"| eq. 26-31 | beta 0.4, gamma 1, M 10^4, N 64, B 8 | {curve.ModesUsed} | 10^3 | {clock.Elapsed.TotalSeconds:F1} |"));
        }

        md.AppendLine();
        DmftTimeGridReport.Append(md);
        DmftTimeGridReport.AppendConvergence(md, 3000);

        md.AppendLine().AppendLine("## Agreement with simulation means (ProjectedFast, seeds 0..S-1)").AppendLine();
        md.AppendLine("| beta | gamma | N | B | M | T | seeds | max abs z (t >= 1) | max relative difference | DMFT s |").AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        var cases = new (double Beta, double Gamma, int N, long? B, int M, long T, int Seeds)[]
        {
            (0.4, 1.0, 1024, null, 1000, 1000, 8),
            (1.2, 1.0, 1024, null, 1000, 1000, 8),
            (0.4, 1.0, 16, null, 1000, 300, 32),
            (0.4, 1.0, 32, null, 1000, 300, 32),
            (0.4, 1.0, 128, null, 1000, 300, 32),
            (0.4, 1.0, 64, 8, 1000, 300, 32),
            (0.4, 0.0, 32, 8, 1000, 300, 32),
            (1.2, 1.0, 32, 16, 1000, 300, 32),
            (1.2, 0.5, 16, 16, 1000, 300, 32),
        };
        foreach (var c in cases)
        {
            var clock = Stopwatch.StartNew();
            var theory = DmftSolver.Solve(new DmftSettings(
                Alpha, c.Beta, c.M, c.Gamma, c.N >= 1024 ? double.PositiveInfinity : c.N, c.B ?? double.PositiveInfinity, Eta, c.T));
            double seconds = clock.Elapsed.TotalSeconds;
            var config = new SimulationConfig(ModelKind.Projected, Alpha, c.Beta, c.M, c.Gamma, c.N, c.B, Eta, c.T, 0);
            var curves = new SeedCurve[c.Seeds];
            Parallel.For(0, c.Seeds, s =>
            {
                var simulation = SimulationFactory.Create(config with { Seed = (ulong)s });
                simulation.Advance(long.MaxValue);
                curves[s] = new SeedCurve(simulation.Curve.Steps, simulation.Curve.Loss);
            });
            var mean = SeedAggregate.Compute(curves);
            double z = 0, relative = 0;
            for (int i = 1; i < theory.Loss.Length; i++)
            {
                z = Math.Max(z, Math.Abs(mean.Mean[i] - theory.Loss[i]) / mean.Sem[i]);
                relative = Math.Max(relative, Math.Abs(mean.Mean[i] / theory.Loss[i] - 1));
            }

            string label = c.N >= 1024 ? "1024 (DMFT: inf)" : c.N.ToString(CultureInfo.InvariantCulture);
            md.AppendLine(Inv($"| {c.Beta} | {c.Gamma} | {label} | {c.B?.ToString(CultureInfo.InvariantCulture) ?? "inf"} | {c.M} | {c.T} | {c.Seeds} | {z:F2} | {relative:P1} | {seconds:F1} |"));
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

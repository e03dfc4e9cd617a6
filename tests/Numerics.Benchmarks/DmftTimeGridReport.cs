using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// The coarse (geometric, gradient-flow) time grid of <see cref="GradientFlowDmft"/> against the uniform
/// SGD-step solution of <see cref="InfiniteWidthDmft"/>: max relative error over the recorded log grid and
/// both times in the same run (the machine is shared: compare the ratio, not the seconds).
/// </summary>
internal static class DmftTimeGridReport
{
    private const double Alpha = 2.0;
    private const double Eta = 0.05;

    public static void Append(StringBuilder md, bool quick = false)
    {
        int threads = Environment.ProcessorCount;
        md.AppendLine("## Coarse time grid against uniform SGD steps (N, B = inf, M = 10^5, 256 modes)").AppendLine();
        md.AppendLine(Inv($"Coarse: {GradientFlowDmft.DefaultUniformSteps} exact SGD steps, then the gradient flow on {GradientFlowDmft.DefaultGridPointsPerDecade} points/decade (the defaults). Error: max over the recorded log grid (10/decade) of |coarse/uniform - 1|. Uniform reference: `InfiniteWidthDmft` (every step, O(modes T^2)) for T <= 10^4; for T = 10^5, 10^6 the same equations stepped uniformly in the rank-structured form (`GradientFlowDmft` with t0 = T, O(modes^2 T); equal to `InfiniteWidthDmft` within 1e-12, tested). gamma = 0: the uniform reference is the exact lazy curve (1 - eta lambda)^(2t). {threads} threads; the machine is shared, so compare ratios within a row."));
        md.AppendLine().AppendLine("| beta | gamma | T | max rel. error | uniform reference | uniform s | coarse s | ratio | coarse time points |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        long[] sizes = quick ? [1000, 10_000] : [1000, 10_000, 100_000, 1_000_000];
        foreach (double beta in new[] { 0.4, 1.2 })
        {
            var modes = ModeQuadrature.PowerLaw(Alpha, beta, 100_000, DmftOptions.DefaultInfiniteModes);
            foreach (double gamma in new[] { 0.0, 0.25, 1.0 })
            {
                foreach (long t in sizes)
                {
                    var clock = Stopwatch.StartNew();
                    var coarse = GradientFlowDmft.Solve(modes, gamma, Eta, t, 10, maxDegreeOfParallelism: threads);
                    double coarseSeconds = clock.Elapsed.TotalSeconds;
                    bool classic = gamma == 0.0 || t <= 10_000;
                    if (!classic && t > 100_000 && gamma != 1.0)
                    {
                        string note = coarse.StepStabilityLimit is long l0 ? Inv($"(SGD unstable from t = {l0})") : "-";
                        md.AppendLine(Inv($"| {beta} | {gamma} | {t} | {note} | - | - | {coarseSeconds:F2} | - | {coarse.TimePoints} |"));
                        continue;
                    }

                    clock.Restart();
                    var uniform = classic
                        ? InfiniteWidthDmft.Solve(modes, gamma, Eta, t, 10, threads)
                        : GradientFlowDmft.Solve(modes, gamma, Eta, t, 10, uniformSteps: t, maxDegreeOfParallelism: threads);
                    double seconds = clock.Elapsed.TotalSeconds;
                    string limit = coarse.StepStabilityLimit is long l ? Inv($" (SGD unstable from t = {l})") : string.Empty;
                    string reference = gamma == 0.0 ? "lazy closed form" : classic ? "InfiniteWidthDmft" : "rank-structured steps";
                    md.AppendLine(Inv($"| {beta} | {gamma} | {t} | {MaxRelative(coarse.Loss, uniform.Loss):E2}{limit} | {reference} | {seconds:F2} | {coarseSeconds:F2} | {seconds / coarseSeconds:F1} | {coarse.TimePoints} |"));
                    Console.WriteLine(md.ToString().Split('\n')[^2]);
                }
            }
        }

        md.AppendLine();
    }

    /// <summary>Error against grid density and uniform stretch at one hard rich case (T = 10^4).</summary>
    public static void AppendConvergence(StringBuilder md, long steps = 10_000)
    {
        md.AppendLine(Inv($"## Coarse grid convergence (beta = 0.4 and 1.2, gamma = 1, T = {steps}, M = 10^5, 256 modes)")).AppendLine();
        md.AppendLine("| beta | uniform stretch t0 | points/decade | max rel. error | coarse time points | corrector defect | coarse s |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (double beta in new[] { 0.4, 1.2 })
        {
            var modes = ModeQuadrature.PowerLaw(Alpha, beta, 100_000, DmftOptions.DefaultInfiniteModes);
            var uniform = InfiniteWidthDmft.Solve(modes, 1.0, Eta, steps, 10, Environment.ProcessorCount);
            foreach (long t0 in new long[] { 100, 1000 })
            {
                foreach (int p in new[] { 25, 50, 100, 200, 400 })
                {
                    var clock = Stopwatch.StartNew();
                    var coarse = GradientFlowDmft.Solve(modes, 1.0, Eta, steps, 10, t0, p, Environment.ProcessorCount);
                    md.AppendLine(Inv($"| {beta} | {t0} | {p} | {MaxRelative(coarse.Loss, uniform.Loss):E2} | {coarse.TimePoints} | {coarse.Residual:E1} | {clock.Elapsed.TotalSeconds:F2} |"));
                    Console.WriteLine(md.ToString().Split('\n')[^2]);
                }
            }
        }

        md.AppendLine();
    }

    internal static double MaxRelative(double[] a, double[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] / b[i] - 1));
        }

        return worst;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

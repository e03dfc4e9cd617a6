using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Tests.Reports;

/// <summary>
/// Reports built by hand from synthetic seed curves L = t^-chi + N^-(alpha beta), through the same analysis
/// calls the report builder makes, so the rendering tests see realistic numbers without a cluster.
/// </summary>
internal static class SampleReports
{
    public const double Alpha = 2.0;
    public const long Steps = 100_000;
    public const int SeedCount = 4;

    public static SweepReport Create(
        double[]? betas = null, double[]? gammas = null, int[]? widths = null, long?[]? batches = null, bool withIssues = true)
    {
        betas ??= [0.4];
        gammas ??= [0.0, 1.0];
        widths ??= [16, 32, 64, 128, 256];
        batches ??= [null];
        long[] steps = LogGrid.Steps(Steps, 10);
        var groups = new List<GroupReport>();
        var frontiers = new List<FrontierReport>();
        foreach (double beta in betas)
        foreach (double gamma in gammas)
        foreach (long? b in batches)
        {
            var widthCurves = new List<WidthCurve>();
            foreach (int n in widths)
            {
                SeedCurve[] seeds = Seeds(steps, beta, gamma, n);
                GroupReport group = Group(new GroupConfig(Alpha, beta, gamma, n, b, 0.05, 1000, Steps), seeds);
                groups.Add(group);
                widthCurves.Add(new WidthCurve(n, group.Steps, group.Mean, seeds));
            }

            if (widths.Length >= 2)
            {
                frontiers.Add(Frontier(new FrontierConfig(Alpha, beta, gamma, b, 0.05), widthCurves));
            }
        }

        RunIssue[] issues = withIssues
            ?
            [
                new RunIssue(new string('a', 64), groups[0].Config, 7, "diverged", 1234, null),
                new RunIssue(new string('b', 64), groups[^1].Config, 8, "failed", null, "worker lost\nthree times"),
            ]
            : [];
        int total = groups.Count * SeedCount;
        var counts = new RunCounts(total, 0, 0, total - issues.Length, withIssues ? 1 : 0, withIssues ? 1 : 0, 0);
        return new SweepReport("sample-0123456789ab", "sample", "projected", counts, groups.ToArray(), frontiers.ToArray(), issues);
    }

    /// <summary>
    /// <paramref name="report"/> with a synthetic DMFT curve beside every group (0.8 x its mean, so it is
    /// drawn next to the line), as "theory": "matched" gives; the first curve is listed as failed when asked.
    /// </summary>
    public static SweepReport WithTheory(SweepReport report, bool firstFailed = false)
    {
        var curves = new List<DmftCurveReport>();
        var groups = new List<GroupReport>();
        foreach (GroupReport group in report.Groups)
        {
            GroupConfig c = group.Config;
            string key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c}")))) ;
            var config = new DmftCurveConfig(c.Alpha, c.Beta, c.Gamma, c.N, c.B, c.Eta, c.M, c.Steps, 10, 48);
            curves.Add(firstFailed && curves.Count == 0
                ? new DmftCurveReport(key, config, "failed", null, [], [], null, null, null, null, null, "ArgumentOutOfRangeException: boom")
                : new DmftCurveReport(key, config, "completed", "dmft-finite (eq. 26-31)", group.Steps, group.Mean.Select(m => 0.8 * m).ToArray(),
                    48, false, 1, 0.0, 1.5, null));
            groups.Add(group with { TheoryCurve = key });
        }

        return report with { Groups = groups.ToArray(), TheoryCurves = curves.ToArray() };
    }

    /// <summary>
    /// <paramref name="report"/> as a linear-network sweep: the phase texts carry the notes the report builder adds
    /// for that model (src/Grains/Reports/PredictedExponents.cs).
    /// </summary>
    public static SweepReport AsLinearNetwork(SweepReport report) => report with
    {
        Model = "linear-network",
        Groups = report.Groups
            .Select(g => g with { Theory = g.Theory with { Phase = g.Theory.Phase + "; linear network: observed rate, App. G.2" } })
            .ToArray(),
        Frontiers = report.Frontiers
            .Select(f => f with { Theory = f.Theory with { Phase = f.Theory.Phase + "; linear network: Table 1 of the projected model, a reference only" } })
            .ToArray(),
    };

    /// <summary>
    /// An mlp-circle sweep's report: the sample's curves at eq. 14's beta of each (q, qPhi) task (distinct betas), B = 32, its
    /// groups carrying q, qPhi, depth 2 and K = 256 as the report builder writes them (alpha and beta from eq. 14, M = K).
    /// </summary>
    public static SweepReport Mlp((double Q, double QPhi)[] tasks, double[] gamma0s, int width = 128)
    {
        MlpCircleSettings[] settings = tasks.Select(t => new MlpCircleSettings(t.Q, t.QPhi, 2, 256)).ToArray();
        SweepReport sample = Create(betas: settings.Select(s => s.Beta).ToArray(), gammas: gamma0s, widths: [width], batches: [32], withIssues: false);
        GroupReport[] groups = sample.Groups.Select(g =>
        {
            MlpCircleSettings task = settings.First(s => s.Beta == g.Config.Beta);
            return g with
            {
                Config = g.Config with { Alpha = task.Alpha, M = task.Harmonics, Q = task.Q, QPhi = task.QPhi, Depth = task.Depth },
                Theory = g.Theory with { Phase = g.Theory.Phase + "; eq. 14: alpha = 2 qPhi, beta = (2q-1)/(2 qPhi)" },
            };
        }).ToArray();
        return sample with { Model = "mlp-circle", Groups = groups, Frontiers = [] };
    }

    /// <summary>The sample with one group whose seeds all diverged: no mean, no fit.</summary>
    public static SweepReport WithEmptyGroup()
    {
        SweepReport report = Create(gammas: [1.0], widths: [64]);
        GroupReport empty = report.Groups[0] with
        {
            Config = report.Groups[0].Config with { Gamma = 2.0 },
            Steps = [],
            Mean = [],
            Sem = [],
            Seeds = 0,
            Diverged = SeedCount,
            Fit = null,
            FitError = "All 4 seeds with a curve diverged (0 without a curve); there is no curve to fit.",
        };
        return report with { Groups = [.. report.Groups, empty] };
    }

    private static SeedCurve[] Seeds(long[] steps, double beta, double gamma, int n)
    {
        double chi = Exponents.TimeExponent(beta, gamma);
        double floor = Math.Pow(n, -Exponents.ModelBottleneck(Alpha, beta));
        var seeds = new SeedCurve[SeedCount];
        for (int s = 0; s < SeedCount; s++)
        {
            var random = new System.Random(1000 + (s * 7919) + n);
            var loss = new double[steps.Length];
            for (int k = 0; k < steps.Length; k++)
            {
                double noise = 1.0 + (0.08 * ((2.0 * random.NextDouble()) - 1.0));
                loss[k] = (Math.Pow(steps[k] + 1.0, -chi) + floor) * noise;
            }

            seeds[s] = new SeedCurve(steps, loss);
        }

        return seeds;
    }

    private static GroupReport Group(GroupConfig config, SeedCurve[] seeds)
    {
        SeedAggregateResult mean = SeedAggregate.Compute(seeds);
        PowerLawFitResult fit = PowerLawFit.FitSeeds(seeds, resamples: 100);
        var theory = new PredictedExponent(
            Exponents.TimeExponent(config.Beta, config.Gamma), Phase(config.Beta), config.Gamma > 0 ? "rich" : "lazy");
        return new GroupReport(
            config,
            mean.Steps.ToArray(),
            mean.Mean.ToArray(),
            mean.Sem.ToArray(),
            mean.Used,
            mean.Diverged,
            new FitReport(fit.Exponent, [fit.Ci.Lo, fit.Ci.Hi], [fit.Window.T0, fit.Window.T1], fit.Intercept, fit.Points),
            null,
            theory);
    }

    private static FrontierReport Frontier(FrontierConfig config, List<WidthCurve> curves)
    {
        ComputeFrontierResult result = ComputeFrontier.Compute(curves, resamples: 50);
        FrontierPointReport[] points = result.Points.Select(p => new FrontierPointReport(p.Compute, p.Loss, p.Width, p.Interior)).ToArray();
        var theory = new PredictedExponent(
            Exponents.ComputeOptimal(config.Alpha, config.Beta, config.Gamma), Phase(config.Beta), config.Gamma > 0 ? "rich" : "lazy");
        return result.IsFitted
            ? new FrontierReport(
                config, points, result.Exponent, Finite(result.Ci), theory, null, result.Intercept, [result.FitRange.CMin, result.FitRange.CMax])
            : new FrontierReport(config, points, null, null, theory, result.Reason);
    }

    private static double[]? Finite((double Lo, double Hi) ci) =>
        double.IsFinite(ci.Lo) && double.IsFinite(ci.Hi) ? [ci.Lo, ci.Hi] : null;

    private static string Phase(double beta) => Exponents.Phase(Alpha, beta) switch
    {
        TaskPhase.Hard => "hard",
        TaskPhase.Easy => "easy",
        _ => "super-easy",
    };
}

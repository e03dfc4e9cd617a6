using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Tests.Reports;

/// <summary>
/// The reports of the README's examples (Quickstart and Examples), rebuilt from the numbers the README shows:
/// those were measured by real runs, and the README's tables are these reports drawn by ReportTables, so the
/// tables there and the table code cannot drift apart. Only what the tables show is real; the curves, the
/// frontier points' C and L and the fits' intercepts are placeholders.
/// </summary>
internal static class ReadmeReports
{
    /// <summary>examples/hard-vs-easy.json (the Quickstart).</summary>
    public static SweepReport HardVsEasy() => Report(
        "hard-vs-easy-7ef346344c6a", "projected", 32,
        [
            Group(0.4, 0.0, 512, 512, 4000, 3000, 8, 0.3958, 0.3905, 0.4011, 32, 1000),
            Group(0.4, 1.0, 512, 512, 4000, 3000, 8, 0.5235, 0.5170, 0.5327, 32, 1000),
            Group(1.2, 0.0, 512, 512, 4000, 3000, 8, 1.1518, 1.1169, 1.1854, 32, 1000),
            Group(1.2, 1.0, 512, 512, 4000, 3000, 8, 1.1910, 1.1492, 1.2274, 32, 1000),
        ]);

    /// <summary>examples/compute-optimal.json.</summary>
    public static SweepReport ComputeOptimal()
    {
        (int N, double Chi, double Lo, double Hi)[] lazy =
            [(16, 0.0722, 0.0500, 0.1031), (32, 0.1589, 0.1461, 0.1784), (64, 0.2616, 0.2481, 0.2737), (128, 0.3266, 0.3041, 0.3447), (256, 0.3712, 0.3393, 0.3925)];
        (int N, double Chi, double Lo, double Hi)[] rich =
            [(16, 0.0232, 0.0142, 0.0350), (32, 0.0755, 0.0656, 0.0825), (64, 0.1821, 0.1689, 0.1894), (128, 0.3109, 0.2957, 0.3247), (256, 0.4110, 0.3861, 0.4309)];
        GroupReport[] groups =
        [
            .. lazy.Select(g => Group(0.4, 0.0, g.N, null, 4000, 30000, 4, g.Chi, g.Lo, g.Hi, 316, 30000)),
            .. rich.Select(g => Group(0.4, 1.0, g.N, null, 4000, 30000, 4, g.Chi, g.Lo, g.Hi, 316, 30000)),
        ];
        return Report("compute-optimal-9b20fe4c2ddd", "projected", 40, groups) with
        {
            Frontiers = [Frontier(0.0, 51, 113, 0.2657, 0.2544, 0.2944), Frontier(1.0, 48, 113, 0.3259, 0.3106, 0.3522)],
        };
    }

    /// <summary>examples/linear-network.json.</summary>
    public static SweepReport LinearNetwork()
    {
        (double Beta, double Gamma, double Chi, double Lo, double Hi)[] fits =
        [
            (0.2, 0.01, 0.2158, 0.2104, 0.2210), (0.2, 0.1, 0.2212, 0.2140, 0.2280), (0.2, 1.0, 0.3176, 0.3117, 0.3259),
            (1.2, 0.01, 1.0121, 0.9868, 1.0373), (1.2, 0.1, 1.0130, 0.9883, 1.0382), (1.2, 1.0, 1.0698, 1.0404, 1.1095),
        ];
        return SampleReports.AsLinearNetwork(Report(
            "linear-network-e95840a999db", "projected", 24,
            fits.Select(f => Group(f.Beta, f.Gamma, 100, 128, 4000, 3000, 4, f.Chi, f.Lo, f.Hi, 32, 3000)).ToArray()));
    }

    /// <summary>examples/dmft-theory.json, without its frontiers (the README leaves them out).</summary>
    public static SweepReport DmftTheory()
    {
        GroupReport[] groups =
        [
            Group(0.4, 0.0, 32, null, 1000, 500, 16, 0.3934, 0.3731, 0.4147, 10, 500),
            Group(0.4, 0.0, 128, null, 1000, 500, 16, 0.4064, 0.3922, 0.4212, 10, 500),
            Group(0.4, 1.0, 32, null, 1000, 500, 16, 0.4703, 0.4437, 0.4993, 10, 500),
            Group(0.4, 1.0, 128, null, 1000, 500, 16, 0.5127, 0.4926, 0.5330, 10, 500),
        ];
        return SampleReports.WithTheory(Report("dmft-theory-5b910275fd05", "projected", 64, groups));
    }

    private static SweepReport Report(string id, string model, int runs, GroupReport[] groups) =>
        new(id, id[..^13], model, new RunCounts(runs, 0, 0, runs, 0, 0, 0), groups, [], []);

    private static GroupReport Group(
        double beta, double gamma, int n, long? b, int m, long steps, int seeds, double chi, double lo, double hi, long t0, long t1) =>
        new(
            new GroupConfig(SampleReports.Alpha, beta, gamma, n, b, 0.05, m, steps),
            [],
            [],
            [],
            seeds,
            0,
            new FitReport(chi, [lo, hi], [t0, t1]),
            null,
            new PredictedExponent(Exponents.TimeExponent(beta, gamma), Phase(beta), gamma > 0 ? "rich" : "lazy"));

    private static FrontierReport Frontier(double gamma, int interior, int points, double rc, double lo, double hi) =>
        new(
            new FrontierConfig(SampleReports.Alpha, 0.4, gamma, null, 0.05),
            Enumerable.Range(0, points).Select(i => new FrontierPointReport(i + 1, 1, 16, i < interior)).ToArray(),
            rc,
            [lo, hi],
            new PredictedExponent(Exponents.ComputeOptimal(SampleReports.Alpha, 0.4, gamma), "hard", gamma > 0 ? "rich" : "lazy"),
            null);

    private static string Phase(double beta) => beta < 1 ? "hard" : "easy";
}

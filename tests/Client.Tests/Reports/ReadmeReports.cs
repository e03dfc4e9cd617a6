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

    /// <summary>examples/finite-data.json: alpha 1.5, beta 0.4, N 1024, P = 16..128 with B = P, eta 0.5.</summary>
    public static SweepReport FiniteData()
    {
        GroupReport[] groups =
        [
            Finite(0.0, 16, 0.0006067857613831729, -0.007005172226251575, 0.008724596677201433),
            Finite(0.0, 32, 0.03279588126435843, 0.02001719058161056, 0.045243457846958296),
            Finite(0.0, 64, 0.059653375734315804, 0.038197760751092005, 0.08537575821480739),
            Finite(0.0, 128, 0.14173021127217034, 0.13150403950304967, 0.15207705607137983),
            Finite(1.0, 16, 0.0024681412143621136, -0.00019044391582895542, 0.006024714414206788),
            Finite(1.0, 32, 0.004106568982660725, -0.00048115971330666763, 0.008494859341715878),
            Finite(1.0, 64, 0.025088314760152292, 0.00803748396837891, 0.039365655474998845),
            Finite(1.0, 128, 0.0866331623007843, 0.047889925226428806, 0.11411448903859907),
        ];
        DataScalingReport[] lines =
        [
            DataLine(0.0, 0.6449385261803232, 0.562181810522512, 0.7093658160524058,
            [
                new DataScalingPointReport(16, 5000, 0.6563520858880811, 0.05243888858763512, 3.237698885102611e-31, 8.458005746871187e-32, null, 4),
                new DataScalingPointReport(32, 5000, 0.5010307717261937, 0.04849740030842358, 3.4825190575905806e-18, 2.001849273605639e-18, null, 4),
                new DataScalingPointReport(64, 5000, 0.28006132654329025, 0.02092831863524218, 1.0144681188936328e-07, 4.782852723944129e-08, null, 4),
                new DataScalingPointReport(128, 5000, 0.17955099521503876, 0.008162172714482966, 0.0003408615146165404, 3.602335274903974e-05, null, 4),
            ]),
            DataLine(1.0, 0.6432530333596777, 0.5608262124574125, 0.7078766896926791,
            [
                new DataScalingPointReport(16, 5000, 0.6563520858880811, 0.0524388885876352, 3.009265538105056e-36, 3.009265538105056e-36, null, 4),
                new DataScalingPointReport(32, 5000, 0.5010307717270563, 0.04849740038687541, 4.81482486096809e-35, 2.9382104624779344e-35, null, 4),
                new DataScalingPointReport(64, 5000, 0.2800761689596335, 0.020929234172985, 3.49010190147202e-10, 3.4893076007574987e-10, null, 4),
                new DataScalingPointReport(128, 5000, 0.1802484025301701, 0.007855131245088163, 2.975295001190999e-05, 1.322341904515394e-05, null, 4),
            ]),
        ];
        return Report("finite-data-e67f50d3c541", "projected", 32, groups) with { DataScaling = lines };

        static GroupReport Finite(double gamma, long p, double chi, double lo, double hi) =>
            new(
                new GroupConfig(1.5, 0.4, gamma, 1024, p, 0.5, 6000, 5000, p),
                [],
                [],
                [],
                4,
                0,
                new FitReport(chi, [lo, hi], [50, 5000]),
                null,
                new PredictedExponent(Exponents.TimeExponent(0.4, gamma), "hard", gamma > 0 ? "rich" : "lazy"));

        static DataScalingReport DataLine(double gamma, double x, double lo, double hi, DataScalingPointReport[] points) =>
            new(
                new DataScalingConfig(1.5, 0.4, gamma, 1024, null, 0.5),
                points,
                x,
                [lo, hi],
                0,
                new PredictedExponent(1.5 * 0.4, "hard", gamma > 0 ? "rich" : "lazy"),
                null);
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

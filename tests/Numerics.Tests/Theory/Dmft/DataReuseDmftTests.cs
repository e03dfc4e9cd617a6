using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory.Dmft;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Theory.Dmft;

/// <summary>
/// The finite-data DMFT (eq. 41, <see cref="DataReuseDmft"/>) against the online solver it must reduce to,
/// against plain exact results and against the simulation of full-batch gradient descent on P samples
/// (ProjectedFiniteData, B = P, means over seeds). alpha = 2, eta = 0.05; each tolerance is stated where used.
/// </summary>
public class DataReuseDmftTests(ITestOutputHelper output)
{
    private const double Alpha = 2.0;
    private const double Eta = 0.05;

    [Theory]
    [InlineData(0.0, 64.0)]
    [InlineData(1.0, 64.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void AtInfinitePIsTheOnlineSolverWithoutBatchNoise(double gamma, double n)
    {
        // P = inf: R_1 = I and the data noise u2 vanishes, so eq. 41 are eq. 26-31 with B = inf as printed
        // (the finite-P solver has no Wishart self-term): the same sums, 1e-12 relative; train loss = test loss.
        var modes = ModeQuadrature.PowerLaw(Alpha, 0.4, 1000, 24);
        var online = FiniteWidthDmft.Solve(modes, gamma, Eta, n, double.PositiveInfinity, 80, new DmftOptions { SelfTerm = false });
        var reuse = DataReuseDmft.Solve(modes, gamma, Eta, n, double.PositiveInfinity, 80);
        Assert.Equal(online.Steps, reuse.Steps);
        for (int i = 0; i < online.Steps.Length; i++)
        {
            Assert.True(Math.Abs(reuse.Loss[i] / online.Loss[i] - 1) < 1e-12, $"t = {online.Steps[i]}: {reuse.Loss[i]} vs {online.Loss[i]}");
            Assert.True(Math.Abs(reuse.TrainLoss[i] / online.Loss[i] - 1) < 1e-12, $"train, t = {online.Steps[i]}");
            Assert.True(Math.Abs(reuse.WeightNormPerWidth[i] - online.WeightNormPerWidth[i]) <= 1e-12 * (1 + online.WeightNormPerWidth[i]));
        }
    }

    [Theory]
    [InlineData(16.0)]
    [InlineData(double.PositiveInfinity)]
    public void FirstStepIsOneBatchOfPSamples(double n)
    {
        // Up to the first step the set has been used once, so L(1) is the online DMFT's with one batch of B = P.
        // With the data self-term (default) it is the exact Gaussian average over the set, which the online solver
        // has with its rank-one batch noise: Cov(Psi^T Psi v / P) = (Lambda L + Lambda v v^T Lambda) / P. Without it,
        // eq. 41 as printed is the online form without that term. Both to 1e-12 relative, every mode; the A(0)
        // side is eq. 26-31 as printed in both (no Wishart self-term for A(0) in the finite-P solver). The printed
        // eq. 41 must miss the exact average by more than 1e-6, so the check can tell the two apart.
        var modes = ModeQuadrature.Full(Spectrum.PowerLaw(Alpha, 1.2, 100));
        foreach (double p in new[] { 4.0, 32.0 })
        {
            var exact = FiniteWidthDmft.Solve(modes, 1.0, Eta, n, p, 1, new DmftOptions { SelfTerm = false, RankOneBatchNoise = true });
            var meanField = FiniteWidthDmft.Solve(modes, 1.0, Eta, n, p, 1, new DmftOptions { SelfTerm = false, RankOneBatchNoise = false });
            var reuse = DataReuseDmft.Solve(modes, 1.0, Eta, n, p, 1);
            var printed = DataReuseDmft.Solve(modes, 1.0, Eta, n, p, 1, new DmftOptions { SelfTerm = false });
            output.WriteLine($"N = {n}, P = {p}: exact {exact.Loss[1]:R}, self-term {reuse.Loss[1]:R}, printed eq. 41 {printed.Loss[1]:R}");
            Assert.True(Math.Abs(reuse.Loss[1] / exact.Loss[1] - 1) < 1e-12, $"P = {p}: {reuse.Loss[1]} vs {exact.Loss[1]}");
            Assert.True(Math.Abs(printed.Loss[1] / meanField.Loss[1] - 1) < 1e-12, $"P = {p}: {printed.Loss[1]} vs {meanField.Loss[1]}");
            Assert.True(Math.Abs(printed.Loss[1] / exact.Loss[1] - 1) > 1e-6, $"P = {p}: printed {printed.Loss[1]} vs exact {exact.Loss[1]}");
            Assert.Equal(reuse.Loss[0], reuse.TrainLoss[0], 1e-14);
        }
    }

    [Fact]
    public void LargePIsTheOnlineCurve()
    {
        // As P grows the set becomes the population: the finite-P curves tend to the online DMFT (B = inf, same
        // equations; the P = inf solve of this solver is that, see above) like 1/P. Rich hard task, N = 64,
        // T = 100, 24 modes, data self-term on (default). Allowed: at P = 10^6 both test and train loss within
        // 1e-4 of the online loss (measured 5.4e-6 and 6.7e-6; 5.4e-4 and 6.7e-4 at P = 10^4), and the gap falls by
        // 10 +- 3 for each factor 10 in P (measured 10.0).
        var modes = ModeQuadrature.PowerLaw(Alpha, 0.4, 1000, 24);
        var online = DataReuseDmft.Solve(modes, 1.0, Eta, 64, double.PositiveInfinity, 100);
        double Gap(double p, bool train)
        {
            var curve = DataReuseDmft.Solve(modes, 1.0, Eta, 64, p, 100);
            double[] values = train ? curve.TrainLoss : curve.Loss;
            double worst = 0;
            for (int i = 0; i < online.Loss.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(values[i] / online.Loss[i] - 1));
            }

            return worst;
        }

        foreach (bool train in new[] { false, true })
        {
            double g4 = Gap(1e4, train), g5 = Gap(1e5, train), g6 = Gap(1e6, train);
            output.WriteLine($"{(train ? "train" : "test")}: max relative gap to online {g4:E2} (P = 1e4), {g5:E2} (1e5), {g6:E2} (1e6)");
            Assert.True(g6 < 1e-4, $"P = 1e6: gap {g6:E2}");
            Assert.InRange(g4 / g5, 7.0, 13.0);
            Assert.InRange(g5 / g6, 7.0, 13.0);
        }
    }

    /// <summary>
    /// Against the simulation it describes: ProjectedFiniteData with B = P (full-batch gradient descent on the
    /// set, the steps of eta the DMFT takes too, so flow time is eta x step and there is no time-discretisation
    /// error between the two; the steps are about 0.5 % from the gradient flow of eq. 41 at equal flow time), seeds
    /// 0..511, M = 200, T = 400 (flow time 20), 48 representative modes. At every recorded step t >= 1, for the
    /// test and the train loss: |DMFT - mean| &lt;= 4.5 SE + 1.5 % of the DMFT value. 4.5 SE keeps a false alarm
    /// over ~25 correlated points rare; the 1.5 % is the closure's remainder (A(0) mean-field, and the data
    /// self-term's late drift), measured with 4096 seeds at these points: test 1.4 % and train 0.2 % (lazy,
    /// P = 32 &lt; N = 128), test 0.6 % and train 0.4 % (rich, P = 256 &gt; N = 64); quadrature is under 1e-4. The
    /// online DMFT (P = inf) must fail the same check, so the test sees the finite-P effects (train below test).
    /// </summary>
    [Theory]
    [InlineData(0.0, 128, 32L)]
    [InlineData(1.0, 64, 256L)]
    public void MatchesTheFullBatchSimulation(double gamma, int n, long p)
    {
        const int seeds = 512;
        const long steps = 400;
        var config = new SimulationConfig(ModelKind.Projected, Alpha, 0.4, 200, gamma, n, p, Eta, steps, 0) { P = p };
        var test = new SeedCurve[seeds];
        var train = new SeedCurve[seeds];
        Parallel.For(0, seeds, s =>
        {
            var simulation = SimulationFactory.Create(config with { Seed = (ulong)s });
            simulation.Advance(long.MaxValue);
            test[s] = new SeedCurve(simulation.Curve.Steps, simulation.Curve.Loss);
            train[s] = new SeedCurve(simulation.Curve.Steps, simulation.Curve.TrainLoss);
        });
        var testMean = SeedAggregate.Compute(test);
        var trainMean = SeedAggregate.Compute(train);

        var settings = new DmftSettings(Alpha, 0.4, 200, gamma, n, double.PositiveInfinity, Eta, steps, p);
        var theory = DmftSolver.Solve(settings);
        double testExcess = WorstExcess(testMean, theory.Steps, theory.Loss, out double testSe, out double testRelative);
        double trainExcess = WorstExcess(trainMean, theory.Steps, theory.TrainLoss, out double trainSe, out double trainRelative);
        output.WriteLine($"{config.CanonicalText()}, {seeds} seeds, {theory.Solver}: test max {testSe:F2} SE ({testRelative:P2}), train max {trainSe:F2} SE ({trainRelative:P2})");
        Assert.True(testExcess <= 0, $"test loss leaves 4.5 SE + 1.5 % by {testExcess:E2} (max {testSe:F2} SE)");
        Assert.True(trainExcess <= 0, $"train loss leaves 4.5 SE + 1.5 % by {trainExcess:E2} (max {trainSe:F2} SE)");

        // The online curve of the same equations (P = inf: B = inf, eq. 26-31 as printed), cheaper than the self-term solver.
        var online = DataReuseDmft.Solve(DmftSolver.Modes(settings), gamma, Eta, n, double.PositiveInfinity, steps);
        double onlineTest = WorstExcess(testMean, online.Steps, online.Loss, out double onlineTestSe, out _);
        double onlineTrain = WorstExcess(trainMean, online.Steps, online.Loss, out double onlineTrainSe, out _);
        output.WriteLine($"online DMFT (P = inf): test max {onlineTestSe:F2} SE, train max {onlineTrainSe:F2} SE");
        Assert.True(Math.Max(onlineTest, onlineTrain) > 0, "the online DMFT should fail this check");
    }

    /// <summary>Largest (|DMFT - mean| - 4.5 SE - 0.015 DMFT) over t &gt;= 1 (&lt;= 0 means within), the largest |DMFT - mean| / SE and relative difference.</summary>
    private static double WorstExcess(SeedAggregateResult mean, long[] steps, double[] theory, out double worstSe, out double worstRelative)
    {
        Assert.Equal(mean.Steps, steps);
        double worst = double.NegativeInfinity;
        worstSe = 0;
        worstRelative = 0;
        for (int i = 1; i < steps.Length; i++)
        {
            double difference = Math.Abs(mean.Mean[i] - theory[i]);
            worst = Math.Max(worst, difference - (4.5 * mean.Sem[i]) - (0.015 * theory[i]));
            worstSe = Math.Max(worstSe, difference / mean.Sem[i]);
            worstRelative = Math.Max(worstRelative, difference / mean.Mean[i]);
        }

        return worst;
    }

    [Fact]
    public void SettingsOutOfRangeNameTheField()
    {
        var good = new DmftSettings(Alpha, 0.4, 100, 1.0, 64, double.PositiveInfinity, Eta, 10, 32);
        Assert.Contains("P = 2.5", Assert.Throws<ArgumentOutOfRangeException>(() => DmftSolver.Solve(good with { P = 2.5 })).Message);
        Assert.Contains("P = 0", Assert.Throws<ArgumentOutOfRangeException>(() => DmftSolver.Solve(good with { P = 0 })).Message);
        Assert.Contains("P = NaN", Assert.Throws<ArgumentOutOfRangeException>(() => DmftSolver.Solve(good with { P = double.NaN })).Message);
        string batch = Assert.Throws<ArgumentOutOfRangeException>(() => DmftSolver.Solve(good with { Batch = 8 })).Message;
        Assert.Contains("B = 8", batch);
        Assert.Contains("P is finite", batch);
        Assert.NotEmpty(DmftSolver.Solve(good).TrainLoss);
        Assert.Empty(DmftSolver.Solve(good with { P = double.PositiveInfinity }).TrainLoss);
    }

    [Fact]
    public void MemoryEstimateIsWithinAQuarterOfWhatTheSolverAllocates()
    {
        // As DmftMemoryEstimateTests for the online solvers: one thread, so every allocation is on the test's thread.
        var settings = new DmftSettings(Alpha, 0.4, 1000, 1.0, 32, double.PositiveInfinity, Eta, 200, 64);
        var options = new DmftOptions { Modes = 64, MaxDegreeOfParallelism = 1 };
        long estimate = DmftSolver.EstimatedBytes(settings, options);
        long before = GC.GetAllocatedBytesForCurrentThread();
        DmftSolver.Solve(settings, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"estimate {estimate} B, allocated {allocated} B, ratio {(double)allocated / estimate:F3}");
        Assert.InRange((double)allocated / estimate, 0.75, 1.25);
    }
}

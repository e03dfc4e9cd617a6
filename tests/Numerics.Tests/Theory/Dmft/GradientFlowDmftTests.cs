using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory.Dmft;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Theory.Dmft;

/// <summary>
/// The coarse time grid (<see cref="GradientFlowDmft"/>: exact SGD steps to t0, then the gradient flow on a
/// geometric grid) against the uniform-step solution of eq. 43-44 (<see cref="InfiniteWidthDmft"/>) and the
/// exact lazy curve. alpha = 2, eta = 0.05.
/// </summary>
public class GradientFlowDmftTests(ITestOutputHelper output)
{
    private const double Alpha = 2.0;
    private const double Eta = 0.05;

    [Theory]
    [InlineData(0.4, 1.0)]
    [InlineData(1.2, 1.0)]
    [InlineData(0.4, 0.25)]
    public void CoarseGridMatchesUniformSteps(double beta, double gamma)
    {
        // M = 10^5 (64 modes), T = 3000, t0 = 300, 100 points per decade (the default density), so the flow
        // covers a decade. Measured max relative error of L: 1.8e-4 (beta 0.4), 4.9e-4 (beta 1.2), 1.2e-4
        // (gamma 0.25), mostly the O(1/t0) difference between the flow and SGD; of |w|^2/N up to 4.1e-4.
        // Allowed 2e-3: an error in the flow's equations shows (without the within-step growth of G in int F,
        // |w|^2/N is off by 4.5e-3); the step's O(h^2) terms are checked in FlowConvergesWithGridDensity.
        var modes = ModeQuadrature.PowerLaw(Alpha, beta, 100_000, 64);
        var uniform = InfiniteWidthDmft.Solve(modes, gamma, Eta, 3000, maxDegreeOfParallelism: 2);
        var coarse = GradientFlowDmft.Solve(modes, gamma, Eta, 3000, uniformSteps: 300, gridPointsPerDecade: 100);
        Assert.Equal(uniform.Steps, coarse.Steps);
        double worst = 0, worstNorm = 0;
        for (int i = 0; i < uniform.Steps.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(coarse.Loss[i] / uniform.Loss[i] - 1));
            worstNorm = Math.Max(worstNorm, Math.Abs(coarse.WeightNormPerWidth[i] - uniform.WeightNormPerWidth[i]) / (1e-3 + uniform.WeightNormPerWidth[i]));
        }

        output.WriteLine($"beta {beta} gamma {gamma}: max relative error {worst:E2} (|w|^2/N {worstNorm:E2}), {coarse.TimePoints} time points, defect {coarse.Residual:E1}");
        Assert.True(worst < 2e-3, $"max relative error {worst:E2}");
        Assert.True(worstNorm < 2e-3, $"|w|^2/N: max relative error {worstNorm:E2}");
        Assert.True(coarse.TimePoints < 600, $"{coarse.TimePoints} time points: the grid is not coarse");
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(1.2)]
    public void FlowConvergesWithGridDensity(double beta)
    {
        // The flow's own discretisation error, apart from the O(1/t0) difference between the flow and SGD:
        // p = 100 and 800 points per decade against p = 1600, t0 = 100, T = 10^5, gamma = 1, 64 modes.
        // Measured at p = 100: 1.1e-4 (beta 0.4), 5.5e-5 (beta 1.2); at p = 800: 2e-7 and 1.7e-5. The error
        // falls fast while h = eta (t_{n+1} - t_n) < ~2, then takes one jump of ~1e-5..1e-4 where the steps
        // first exceed that (the predictor stops being a good first guess and steps are split) and decays
        // after it. Allowed: 3e-4 at p = 100 and a 3x smaller error at p = 800. Leaving out the O(h^2) terms
        // of the step gives more at p = 100 (measured: without the J_k term of dG 8.2e-4 and 3.5e-4, without
        // the within-step growth of G in int F 2.8e-3 and 3.6e-4).
        var modes = ModeQuadrature.PowerLaw(Alpha, beta, 100_000, 64);
        var fine = GradientFlowDmft.Solve(modes, 1.0, Eta, 100_000, uniformSteps: 100, gridPointsPerDecade: 1600);
        double Error(int p)
        {
            var coarse = GradientFlowDmft.Solve(modes, 1.0, Eta, 100_000, uniformSteps: 100, gridPointsPerDecade: p);
            double worst = 0;
            for (int i = 0; i < fine.Loss.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(coarse.Loss[i] / fine.Loss[i] - 1));
            }

            return worst;
        }

        double e100 = Error(100), e800 = Error(800);
        output.WriteLine($"beta {beta}: against p = 1600: p = 100 {e100:E2}, p = 800 {e800:E2}");
        Assert.True(e100 < 3e-4, $"p = 100: {e100:E2}");
        Assert.True(e800 < e100 / 3, $"no convergence: p = 100 {e100:E2}, p = 800 {e800:E2}");
    }

    [Fact]
    public void UniformStretchIsTheUniformSolution()
    {
        // Up to t0 the coarse solver takes exact SGD steps in the rank-structured form G = eta sum vw v0^T:
        // the same equations as the uniform solver in another summation order, so 1e-12 relative.
        var modes = ModeQuadrature.PowerLaw(Alpha, 0.4, 10_000, 64);
        var uniform = InfiniteWidthDmft.Solve(modes, 1.0, Eta, 1000);
        var coarse = GradientFlowDmft.Solve(modes, 1.0, Eta, 1000, uniformSteps: 1000);
        for (int i = 0; i < uniform.Steps.Length; i++)
        {
            Assert.True(Math.Abs(coarse.Loss[i] / uniform.Loss[i] - 1) < 1e-12, $"t = {uniform.Steps[i]}: {coarse.Loss[i]} vs {uniform.Loss[i]}");
        }
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(1.2)]
    public void LazyLimitOnTheCoarseGridIsTheExactLazyCurve(double beta)
    {
        // gamma = 0: the flow with the discrete-step rates mu = -ln(1 - eta lambda)/eta gives
        // (1 - eta lambda)^t exactly on any grid. Every mode (M = 500), t0 = 10, 20 points/decade, T = 10^5:
        // 1e-9 relative to L(t) = sum_k lambda_k wStar_k^2 (1 - eta lambda_k)^(2t).
        var spectrum = Spectrum.PowerLaw(Alpha, beta, 500);
        var coarse = GradientFlowDmft.Solve(ModeQuadrature.Full(spectrum), 0.0, Eta, 100_000, uniformSteps: 10, gridPointsPerDecade: 20);
        double worst = 0;
        for (int i = 0; i < coarse.Steps.Length; i++)
        {
            double exact = ExactLazy(spectrum, coarse.Steps[i]);
            worst = Math.Max(worst, Math.Abs(coarse.Loss[i] / exact - 1));
        }

        output.WriteLine($"beta {beta}: max relative error against the lazy closed form {worst:E2}, {coarse.TimePoints} time points");
        Assert.True(worst < 1e-9, $"max relative error {worst:E2}");
        Assert.True(coarse.TimePoints < 200);
    }

    [Fact]
    public void ResultDoesNotDependOnThreads()
    {
        // 512 modes, so the matrix-vector products run in parallel blocks; bit for bit.
        var modes = ModeQuadrature.PowerLaw(Alpha, 0.4, 100_000, 512);
        var one = GradientFlowDmft.Solve(modes, 1.0, Eta, 3000, uniformSteps: 100, gridPointsPerDecade: 50, maxDegreeOfParallelism: 1);
        var four = GradientFlowDmft.Solve(modes, 1.0, Eta, 3000, uniformSteps: 100, gridPointsPerDecade: 50, maxDegreeOfParallelism: 4);
        Assert.Equal(one.Loss, four.Loss);
        Assert.Equal(one.WeightNormPerWidth, four.WeightNormPerWidth);
        Assert.Equal(one.TimePoints, four.TimePoints);
    }

    [Fact]
    public void SolverPicksTheGridAndOptionsNameTheProperty()
    {
        var settings = new DmftSettings(Alpha, 0.4, 1000, 1.0, double.PositiveInfinity, double.PositiveInfinity, Eta, 2000);
        var modes = DmftSolver.Modes(settings);
        Assert.Equal(DmftTimeGrid.Geometric, DmftSolver.TimeGridFor(settings, DmftOptions.Default, modes));
        Assert.Equal(DmftTimeGrid.Uniform, DmftSolver.TimeGridFor(settings with { Steps = 1000 }, DmftOptions.Default, modes));
        Assert.Equal(DmftTimeGrid.Uniform, DmftSolver.TimeGridFor(settings, new DmftOptions { UniformSteps = 5000 }, modes));
        Assert.Equal(DmftTimeGrid.Uniform, DmftSolver.TimeGridFor(settings with { Eta = 1.5 }, DmftOptions.Default, modes));
        Assert.Equal(DmftTimeGrid.Uniform, DmftSolver.TimeGridFor(settings with { Gamma = 0 }, DmftOptions.Default, modes));
        Assert.Equal(DmftTimeGrid.Uniform, DmftSolver.TimeGridFor(settings, new DmftOptions { TimeGrid = DmftTimeGrid.Uniform }, modes));
        Assert.StartsWith("dmft-infinite (eq. 43-44), 1000 SGD steps then gradient flow", DmftSolver.Solve(settings).Solver);

        // eta lambda_max >= 1: the flow's discrete-step rates do not exist.
        var tooLarge = settings with { Eta = 1.5, Steps = 20 };
        Assert.Contains("eta", Assert.Throws<ArgumentOutOfRangeException>(
            () => DmftSolver.Solve(tooLarge, new DmftOptions { TimeGrid = DmftTimeGrid.Geometric, UniformSteps = 10 })).Message);
        Assert.Contains("TimeGrid", Assert.Throws<ArgumentOutOfRangeException>(() => new DmftOptions { TimeGrid = (DmftTimeGrid)7 }).Message);
        Assert.Contains("UniformSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new DmftOptions { UniformSteps = 0 }).Message);
        Assert.Contains("GridPointsPerDecade", Assert.Throws<ArgumentOutOfRangeException>(() => new DmftOptions { GridPointsPerDecade = 5 }).Message);
    }

    [Fact]
    public void StepFunctionsSeriesAndClosedFormsAgree()
    {
        // The series (z < 1) and closed forms (z >= 1) meet at z = 1; both against direct quadrature.
        foreach (double z in new[] { 1e-8, 0.3, 0.999999, 1.0, 1.7, 30.0 })
        {
            GradientFlowDmft.StepFunctions(z, out double e, out double phi1, out double phi2, out double phi3, out double e1, out double k1, out double k2);
            Assert.Equal(Math.Exp(-z), e, 15);
            Assert.True(Math.Abs(phi1 / Integral(x => Math.Exp(-z * (1 - x))) - 1) < 1e-12, $"phi1({z})");
            Assert.True(Math.Abs(phi2 / Integral(x => Math.Exp(-z * (1 - x)) * x) - 1) < 1e-12, $"phi2({z})");
            Assert.True(Math.Abs(phi3 / Integral(x => Math.Exp(-z * (1 - x)) * x * x / 2) - 1) < 1e-11, $"phi3({z})");
            Assert.True(Math.Abs(e1 / Integral(x => x * Math.Exp(-z * x)) - 1) < 1e-12, $"E1({z})");

            // K1 h^3 = int_0^h s^2 phi1(a s) ds and K2 h^4 = int_0^h s^3 phi2(a s) ds, h = 1.
            double p1(double x) => Integral(y => Math.Exp(-z * x * (1 - y)));
            double p2(double x) => Integral(y => Math.Exp(-z * x * (1 - y)) * y);
            Assert.True(Math.Abs(k1 / Integral(x => x * x * p1(x), 64) - 1) < 1e-10, $"K1({z})");
            Assert.True(Math.Abs(k2 / Integral(x => x * x * x * p2(x), 64) - 1) < 1e-10, $"K2({z})");
        }
    }

    /// <summary>int_0^1 f by composite 5-point Gauss-Legendre on equal panels.</summary>
    private static double Integral(Func<double, double> f, int panels = 256)
    {
        double[] nodes = [-0.9061798459386640, -0.5384693101056831, 0.0, 0.5384693101056831, 0.9061798459386640];
        double[] weights = [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];
        double width = 1.0 / panels, sum = 0;
        for (int p = 0; p < panels; p++)
        {
            double center = (p + 0.5) * width;
            for (int q = 0; q < nodes.Length; q++)
            {
                sum += weights[q] * f(center + 0.5 * width * nodes[q]);
            }
        }

        return 0.5 * width * sum;
    }

    private static double ExactLazy(Spectrum spectrum, long t)
    {
        double loss = 0;
        for (int k = 0; k < spectrum.M; k++)
        {
            double l = spectrum.Lambda[k];
            loss += l * spectrum.WStar[k] * spectrum.WStar[k] * Math.Pow(1 - Eta * l, 2.0 * t);
        }

        return loss;
    }
}

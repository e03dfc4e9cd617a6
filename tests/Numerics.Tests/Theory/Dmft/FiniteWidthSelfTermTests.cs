using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory.Dmft;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Theory.Dmft;

/// <summary>
/// The finite N, B DMFT (eq. 26-31 with the per-mode Wishart self-term) against a plain exact formula and
/// against simulation means (ProjectedFast, seeds 0..S-1). alpha = 2, eta = 0.05, M = 100.
/// Tolerance at every recorded step t in [1, T]: |DMFT - mean| &lt;= 4 SEM + 0.3 % of the loss. 4 SEM makes a
/// false alarm over ~20 correlated points rare; 0.3 % covers the mode quadrature (48 representative modes
/// for 100, about 1e-4) and the Gauss average over the column norm (under 1e-3 against 16 nodes). Where the
/// printed eq. 26-31 (no self-term) are far off, the same check is asserted to fail for them, so the test has
/// the power to see the error it guards against.
/// </summary>
public class FiniteWidthSelfTermTests(ITestOutputHelper output)
{
    private const double Alpha = 2.0;
    private const double Eta = 0.05;
    private const int M = 100;

    [Theory]
    [InlineData(16.0, double.PositiveInfinity)]
    [InlineData(16.0, 8.0)]
    [InlineData(64.0, 4.0)]
    public void FirstStepIsTheExactWishartAverage(double n, double batch)
    {
        // Plain reference: after one step v1 = (I - eta W P) wStar with W = A0^T A0 / N and P = Psi^T Psi / B,
        // independent, so E L(1) = L0 - 2 eta wStar^T Lambda^2 wStar + eta^2 wStar^T E[P E[W Lambda W] P] wStar with
        // E[W Lambda W] = Lambda (1 + 1/N) + Tr(Lambda) I / N (the self-term is the 1/N in the first part) and
        // E[P Q P] = Lambda Q Lambda (1 + 1/B) + Lambda Tr(Lambda Q) / B for Gaussian rows. Every mode, 1e-12.
        // The printed eq. 26-31 give Lambda + Tr(Lambda) I / N instead; they must miss by more than 1e-5.
        var spectrum = Spectrum.PowerLaw(Alpha, 1.2, M);
        var modes = ModeQuadrature.Full(spectrum);
        double exact = ExactFirstStep(spectrum, n, batch);
        double with = FiniteWidthDmft.Solve(modes, 0.0, Eta, n, batch, 1).Loss[1];
        double without = FiniteWidthDmft.Solve(modes, 0.0, Eta, n, batch, 1, new DmftOptions { SelfTerm = false }).Loss[1];
        output.WriteLine($"exact {exact:R}, with self-term {with:R}, printed eq. 26-31 {without:R}");
        Assert.True(Math.Abs(with / exact - 1) < 1e-12, $"{with} vs {exact}");
        Assert.True(Math.Abs(without / exact - 1) > 1e-5, $"{without} vs {exact}");
    }

    [Theory]
    [InlineData(1.2, 0.0, 16, 0L, 40L, 2048, true)]
    [InlineData(1.2, 1.0, 16, 0L, 40L, 1024, true)]
    [InlineData(0.4, 0.0, 64, 0L, 100L, 512, false)]
    [InlineData(0.4, 1.0, 64, 0L, 100L, 512, false)]
    [InlineData(0.4, 1.0, 32, 4L, 60L, 1024, false)]
    public void MatchesSimulationMean(double beta, double gamma, int n, long batch, long steps, int seeds, bool printedMustFail)
    {
        long? b = batch == 0 ? null : batch;
        var settings = new DmftSettings(Alpha, beta, M, gamma, n, b ?? double.PositiveInfinity, Eta, steps);
        var config = new SimulationConfig(ModelKind.Projected, Alpha, beta, M, gamma, n, b, Eta, steps, 0);
        var mean = SimulationMean(config, seeds);
        var theory = DmftSolver.Solve(settings);
        double z = WorstExcess(mean, theory, out double worstSe);
        output.WriteLine($"{config.CanonicalText()}, {seeds} seeds: max |DMFT - mean| = {worstSe:F2} SEM (self-term)");
        Assert.True(z <= 0, $"DMFT leaves 4 SEM + 0.3 % by {z:E2} (max {worstSe:F2} SEM)");
        if (printedMustFail)
        {
            var printed = DmftSolver.Solve(settings, new DmftOptions { SelfTerm = false });
            double zPrinted = WorstExcess(mean, printed, out double printedSe);
            output.WriteLine($"printed eq. 26-31: max {printedSe:F2} SEM");
            Assert.True(zPrinted > 0, $"the printed equations should fail this check (max {printedSe:F2} SEM)");
        }
    }

    /// <summary>Largest (|DMFT - mean| - 4 SEM - 0.003 DMFT) over t &gt;= 1 (&lt;= 0 means within), and the largest |DMFT - mean| / SEM.</summary>
    private static double WorstExcess(SeedAggregateResult mean, DmftCurve theory, out double worstSe)
    {
        Assert.Equal(mean.Steps, theory.Steps);
        double worst = double.NegativeInfinity;
        worstSe = 0;
        for (int i = 1; i < theory.Steps.Length; i++)
        {
            double difference = Math.Abs(mean.Mean[i] - theory.Loss[i]);
            worst = Math.Max(worst, difference - 4.0 * mean.Sem[i] - 0.003 * theory.Loss[i]);
            worstSe = Math.Max(worstSe, difference / mean.Sem[i]);
        }

        return worst;
    }

    /// <summary>Mean and SEM over seeds 0..seeds-1 of <paramref name="template"/> (ProjectedFast), run in parallel.</summary>
    internal static SeedAggregateResult SimulationMean(SimulationConfig template, int seeds)
    {
        var curves = new SeedCurve[seeds];
        Parallel.For(0, seeds, s =>
        {
            var simulation = SimulationFactory.Create(template with { Seed = (ulong)s });
            simulation.Advance(long.MaxValue);
            curves[s] = new SeedCurve(simulation.Curve.Steps, simulation.Curve.Loss);
        });
        return SeedAggregate.Compute(curves);
    }

    private static double ExactFirstStep(Spectrum spectrum, double n, double batch)
    {
        double traceLambda = 0, l0 = 0, linear = 0;
        for (int k = 0; k < spectrum.M; k++)
        {
            double l = spectrum.Lambda[k], w2 = spectrum.WStar[k] * spectrum.WStar[k];
            traceLambda += l;
            l0 += l * w2;
            linear += l * l * w2;
        }

        double quadratic = 0, traceLambdaQ = 0;
        for (int k = 0; k < spectrum.M; k++)
        {
            double l = spectrum.Lambda[k], w2 = spectrum.WStar[k] * spectrum.WStar[k];
            double q = l * (1 + 1 / n) + traceLambda / n;
            quadratic += (1 + 1 / batch) * l * l * w2 * q;
            traceLambdaQ += l * q;
        }

        quadratic += l0 * traceLambdaQ / batch;
        return l0 - 2 * Eta * linear + Eta * Eta * quadratic;
    }
}

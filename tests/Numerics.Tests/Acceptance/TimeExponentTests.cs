using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Acceptance;

/// <summary>
/// The paper's time exponents (eq. 10-11) measured on the fast sampler with small but honest
/// settings: alpha = 2, eta = 0.05, M = 4000, finite B. Each tolerance is stated where it is used.
/// </summary>
public class TimeExponentTests(ITestOutputHelper output)
{
    private const double Alpha = 2.0;
    private const double Eta = 0.05;
    private const int M = 4000;

    /// <summary>
    /// Hard task, beta = 0.4. Lazy: L ~ t^-beta. Rich (gamma = 1): L ~ t^-2beta/(1+beta) = t^-0.571.
    /// Window t in [100, 3000] at N = B = 512: the model bottleneck N^-(alpha beta) = 0.007 and the
    /// transients (1/N) t^-(1-1/alpha), (eta/B) t^-(2-1/alpha) stay well below the loss there.
    /// </summary>
    [Fact]
    public void HardTaskRichExponentImprovesOnLazy()
    {
        var template = new SimulationConfig(ModelKind.Projected, Alpha, 0.4, M, 0.0, 512, 512, Eta, 3000, 0);
        (long, long) window = (100, 3000);
        var lazySeeds = SeedRuns.Run(template, 6);
        var richSeeds = SeedRuns.Run(template with { Gamma = 1.0 }, 6);
        var lazy = PowerLawFit.FitSeeds(lazySeeds, window, resamples: 400);
        var rich = PowerLawFit.FitSeeds(richSeeds, window, resamples: 400);
        double seLazy = SeedRuns.StandardError(lazy.Ci), seRich = SeedRuns.StandardError(rich.Ci);

        // Lazy: the finite-window target is the exact infinite-width lazy curve's slope over the
        // same steps (0.39 here, against 0.4 as t -> inf). Allowed: 4 SE of the seed bootstrap plus
        // 0.02 for the finite N and B corrections named above.
        double lazyTarget = SeedRuns.InfiniteWidthLazySlope(Alpha, 0.4, M, Eta, lazySeeds[0].Steps, window);
        output.WriteLine($"hard beta=0.4: lazy {lazy.Exponent:F4} CI ({lazy.Ci.Lo:F4}, {lazy.Ci.Hi:F4}) window target {lazyTarget:F4}; rich {rich.Exponent:F4} CI ({rich.Ci.Lo:F4}, {rich.Ci.Hi:F4}) theory {2 * 0.4 / 1.4:F4}");
        Assert.InRange(lazyTarget, 0.37, 0.41);
        Assert.True(Math.Abs(lazy.Exponent - lazyTarget) <= 4 * seLazy + 0.02,
            $"lazy exponent {lazy.Exponent:F4} (SE {seLazy:F4}) against the window's exact value {lazyTarget:F4}");

        // Rich: the exponent approaches 2 beta/(1+beta) from below slowly (the level sequence of
        // eq. 62 shows why: each level adds a correction that builds up over time); at t <= 3000
        // a private reference measured 0.549 against 0.571 at N = 1024. We require the improvement
        // to be real (rich above lazy by more than 4 combined SE) and the value within 10 % of
        // 2 beta/(1+beta) and clearly above beta.
        double chiRich = 2 * 0.4 / 1.4;
        Assert.True(rich.Exponent - lazy.Exponent > 4 * Math.Sqrt(seLazy * seLazy + seRich * seRich),
            $"rich {rich.Exponent:F4} does not improve on lazy {lazy.Exponent:F4}");
        Assert.True(Math.Abs(rich.Exponent - chiRich) <= 0.1 * chiRich,
            $"rich exponent {rich.Exponent:F4} (SE {seRich:F4}) against 2beta/(1+beta) = {chiRich:F4}");
    }

    /// <summary>
    /// Easy task, beta = 1.2: both lazy and rich follow t^-beta (feature learning lowers the
    /// constant, not the exponent). Window [30, 1000] at N = B = 1024, where the finite-N transient
    /// (1/N) t^-(1 - 1/alpha) stays below 12 % of t^-beta.
    /// </summary>
    [Fact]
    public void EasyTaskExponentIsBetaLazyAndRich()
    {
        var template = new SimulationConfig(ModelKind.Projected, Alpha, 1.2, M, 0.0, 1024, 1024, Eta, 1000, 0);
        (long, long) window = (30, 1000);
        var lazySeeds = SeedRuns.Run(template, 4);
        var lazy = PowerLawFit.FitSeeds(lazySeeds, window, resamples: 400);
        var rich = PowerLawFit.FitSeeds(SeedRuns.Run(template with { Gamma = 1.0 }, 4), window, resamples: 400);
        double target = SeedRuns.InfiniteWidthLazySlope(Alpha, 1.2, M, Eta, lazySeeds[0].Steps, window);
        output.WriteLine($"easy beta=1.2: lazy {lazy.Exponent:F4} CI ({lazy.Ci.Lo:F4}, {lazy.Ci.Hi:F4}); rich {rich.Exponent:F4} CI ({rich.Ci.Lo:F4}, {rich.Ci.Hi:F4}); window target {target:F4}, theory 1.2");

        // 4 SE of the bootstrap plus 0.06 (5 % of beta) for the finite-N transient named above,
        // which flattens the late part of the window.
        foreach (var (name, fit) in new[] { ("lazy", lazy), ("rich", rich) })
        {
            double se = SeedRuns.StandardError(fit.Ci);
            Assert.True(Math.Abs(fit.Exponent - target) <= 4 * se + 0.06,
                $"{name} exponent {fit.Exponent:F4} (SE {se:F4}) against the window's exact lazy value {target:F4} (beta = 1.2)");
        }

        Assert.InRange(target, 1.1, 1.3);
    }
}

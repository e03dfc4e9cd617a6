using ScaleSweep.Numerics.Random;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Spectra;

public class SpectrumFitTests(ITestOutputHelper output)
{
    /// <summary>Fitting the power-law task of eq. 6 gives back its alpha and beta: the estimators invert Spectrum.PowerLaw.</summary>
    [Theory]
    [InlineData(1.5, 0.3, 100)]
    [InlineData(2.0, 0.4, 1000)]
    [InlineData(2.0, 1.2, 5000)]
    [InlineData(3.0, 2.5, 250)]
    [InlineData(1.1, 0.05, 40)]
    public void A_power_law_task_round_trips(double alpha, double beta, int m)
    {
        SpectrumFitResult fit = SpectrumFit.Fit(Spectrum.PowerLaw(alpha, beta, m));
        output.WriteLine($"alpha {alpha} beta {beta} M {m}: errors {fit.Alpha - alpha:E2} {fit.Beta - beta:E2}, window {fit.Window}");
        Assert.Equal(alpha, fit.Alpha, 1e-6);
        Assert.Equal(beta, fit.Beta, 1e-6);
        Assert.Equal(alpha * beta + 1, fit.PowerDecay, 1e-6);
        Assert.Equal(SpectrumFit.DefaultWindow(m), fit.Window);

        // Exact data: every resample lies on the same line, so the interval has no width.
        Assert.Equal(alpha, fit.AlphaCi.Lo, 1e-6);
        Assert.Equal(alpha, fit.AlphaCi.Hi, 1e-6);
        Assert.Equal(beta, fit.BetaCi.Lo, 1e-6);
        Assert.Equal(beta, fit.BetaCi.Hi, 1e-6);
    }

    [Fact]
    public void The_default_window_is_the_loss_fits_with_modes_for_steps()
    {
        Assert.Equal((10, 1000), SpectrumFit.DefaultWindow(1000));
        Assert.Equal((100, 10000), SpectrumFit.DefaultWindow(10000));
        Assert.Equal((5, 50), SpectrumFit.DefaultWindow(50));
        Assert.Equal((1, 5), SpectrumFit.DefaultWindow(5));
    }

    [Fact]
    public void A_given_window_is_used_and_clamped_to_the_modes()
    {
        SpectrumFitResult fit = SpectrumFit.Fit(Spectrum.PowerLaw(2, 0.5, 100), (0, 500));
        Assert.Equal((1, 100), fit.Window);
        Assert.Equal(100, fit.Modes);
    }

    /// <summary>
    /// Log-normal noise of sd 0.3 on every lambda_k and every lambda_k wStar_k^2 (M = 200, window 10..200): over 200
    /// spectra the bootstrap's 95 % intervals must cover the true alpha and beta at a rate within [0.88, 0.99]
    /// (0.95 +- 4.6 / 2.7 binomial SE of 0.015).
    /// </summary>
    [Fact]
    public void Noisy_spectra_intervals_cover_the_truth_at_about_their_level()
    {
        const double alpha = 2.0, beta = 0.6, sigma = 0.3;
        const int m = 200, replicates = 200;
        int alphaCovered = 0, betaCovered = 0;
        double alphaWidth = 0, betaWidth = 0;
        var lambda = new double[m];
        var wStar = new double[m];
        for (int r = 0; r < replicates; r++)
        {
            var rng = new CounterRng(2024, RandomStream.Batch, (ulong)r);
            for (int k = 1; k <= m; k++)
            {
                lambda[k - 1] = Math.Pow(k, -alpha) * Math.Exp(sigma * rng.NextGaussian());
                double power = Math.Pow(k, -((alpha * beta) + 1)) * Math.Exp(sigma * rng.NextGaussian());
                wStar[k - 1] = Math.Sqrt(power / lambda[k - 1]);
            }

            SpectrumFitResult fit = SpectrumFit.Fit(Spectrum.FromValues(lambda, wStar, "noisy"), resamples: 400, seed: r);
            alphaCovered += fit.AlphaCi.Lo <= alpha && alpha <= fit.AlphaCi.Hi ? 1 : 0;
            betaCovered += fit.BetaCi.Lo <= beta && beta <= fit.BetaCi.Hi ? 1 : 0;
            alphaWidth += (fit.AlphaCi.Hi - fit.AlphaCi.Lo) / replicates;
            betaWidth += (fit.BetaCi.Hi - fit.BetaCi.Lo) / replicates;
        }

        double alphaRate = alphaCovered / (double)replicates;
        double betaRate = betaCovered / (double)replicates;
        output.WriteLine($"coverage alpha {alphaRate:F3} (mean width {alphaWidth:F4}), beta {betaRate:F3} (mean width {betaWidth:F4})");
        Assert.InRange(alphaRate, 0.88, 0.99);
        Assert.InRange(betaRate, 0.88, 0.99);
    }

    [Fact]
    public void The_fitted_exponents_give_the_theory_of_the_task()
    {
        SpectrumFitResult fit = SpectrumFit.Fit(Spectrum.PowerLaw(2, 0.4, 1000), resamples: 0);
        Assert.Equal(TaskPhase.Hard, Exponents.Phase(fit.Alpha, fit.Beta));
        Assert.Equal(2 * 0.4 / 1.4, Exponents.ChiRich(fit.Beta), 1e-6);
        Assert.True(double.IsNaN(fit.AlphaCi.Lo));
    }

    [Theory]
    [InlineData(5, 9, "the window 5:9 holds 0 of the spectrum's 4 modes; a fit needs at least 3")]
    [InlineData(3, 4, "the window 3:4 holds 2 of the spectrum's 4 modes")]
    public void Too_few_modes_in_the_window_are_refused(int k0, int k1, string message)
    {
        var e = Assert.Throws<SpectrumException>(() => SpectrumFit.Fit(Spectrum.PowerLaw(2, 1, 4), (k0, k1)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_zero_lambda_or_wstar_in_the_window_is_named()
    {
        var zeroLambda = Spectrum.FromValues([1, 0.5, 0, 0.1], [1, 1, 1, 1], "t");
        Assert.Contains("mode k = 3: lambda = 0 is out of range for a fit", Assert.Throws<SpectrumException>(() => SpectrumFit.Fit(zeroLambda, (1, 4))).Message);
        var zeroWStar = Spectrum.FromValues([1, 0.5, 0.2, 0.1], [1, 0, 1, 1], "t");
        Assert.Contains("mode k = 2: lambda wstar^2 = 0 is out of range for a fit", Assert.Throws<SpectrumException>(() => SpectrumFit.Fit(zeroWStar, (1, 4))).Message);
    }
}

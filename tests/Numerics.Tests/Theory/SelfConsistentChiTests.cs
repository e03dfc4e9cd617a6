using MathNet.Numerics;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Numerics.Tests.Theory;

public class SelfConsistentChiTests
{
    /// <summary>lambda_k = k^-alpha, (wStar_k)^2 lambda_k = k^-(alpha beta + 1), as in Section 2 of the paper.</summary>
    private static (double[] Lambda, double[] WStar) PowerLaw(int modes, double alpha, double beta)
    {
        var lambda = new double[modes];
        var wStar = new double[modes];
        for (int k = 1; k <= modes; k++)
        {
            lambda[k - 1] = Math.Pow(k, -alpha);
            wStar[k - 1] = Math.Pow(k, -(alpha * beta + 1.0 - alpha) / 2.0);
        }

        return (lambda, wStar);
    }

    // alpha = 2, M = 10^6: lambda_min = 1e-12, so the default window is t in [10, ~1e7..1e10].
    // Expected biases of the finite window, none above 0.01:
    //  - beta = 0.4, gamma = 0: modes k > M are missing, a relative (lambda_M tau)^beta / Gamma(1.4) = 0.01^0.4 / 0.887
    //    = 0.18 at the window's end, decaying like tau^0.4 backwards; its least-squares slope over L = ln(1e9) = 20.7 is
    //    12 * 0.18 * (L/(2 beta) - 1/beta^2) / L^3 = 12 * 0.18 * 19.6 / 8870 = +0.005.
    //  - beta = 0.4, gamma = 1: same tail, partly offset by the lazy t in tau, relative t^(chi-1)/gamma = 10^-0.43 = 0.37 at t0.
    //  - beta = 1.2, gamma = 0.25: tau = t (1 + gamma t^-0.2) keeps a slowly decaying correction; the mean slope of
    //    beta * gamma * t^-0.2 over ln t in [ln 10, ln 1e10] is -1.2 * 0.25 * (10^-0.2 - 10^-2) / 20.7 = -0.009.
    //  - beta = 1.2, gamma = 0: the tail term is (1e-2)^1.2 / Gamma(2.2) = 0.004 at the end, far smaller: ~0.
    // Tolerance 0.015 covers these; the wrong answers it must exclude are at least 0.07 away
    // (lazy 0.4 vs rich 0.571, level-1 beta(2 - beta) = 0.64, and for beta = 1.2 the hard formula 2.4/2.2 = 1.09).
    [Theory]
    [InlineData(0.4, 1.0, 0.8 / 1.4)] // rich hard: 2 * 0.4 / 1.4
    [InlineData(0.4, 0.0, 0.4)] // lazy
    [InlineData(1.2, 0.25, 1.2)] // rich easy: max(1, 2/2.2) = 1
    [InlineData(1.2, 0.0, 1.2)]
    public void Solve_PowerLawRecoversEq10(double beta, double gamma, double expected)
    {
        var (lambda, wStar) = PowerLaw(1_000_000, 2.0, beta);
        SelfConsistentChiResult result = SelfConsistentChi.Solve(lambda, wStar, gamma);
        Assert.Equal(expected, result.Chi, 0.015);
        Assert.Equal(Exponents.TimeExponent(beta, gamma), result.Chi, 0.015);
        Assert.True(result.Residual <= 1e-9, $"residual {result.Residual}");
        Assert.Equal(10.0, result.T0, 1e-12);
    }

    [Fact]
    public void Solve_ReturnsAFixedPointOfAnIndependentSlope()
    {
        var (lambda, wStar) = PowerLaw(20_000, 1.5, 0.6);
        const double Gamma = 0.5;
        SelfConsistentChiResult result = SelfConsistentChi.Solve(lambda, wStar, Gamma);

        // plain loops, no shared code: least-squares slope of -ln F against ln t on 33 log-spaced points
        double chi = result.Chi;
        const int Points = 33;
        double[] x = new double[Points];
        double[] y = new double[Points];
        for (int j = 0; j < Points; j++)
        {
            x[j] = Math.Log(result.T0) + (Math.Log(result.T1) - Math.Log(result.T0)) * j / (Points - 1);
            double t = Math.Exp(x[j]);
            double tau = t + Gamma * Math.Pow(t, 2.0 - chi);
            double f = 0.0;
            for (int k = 0; k < lambda.Length; k++)
            {
                f += wStar[k] * wStar[k] * lambda[k] * Math.Exp(-lambda[k] * tau);
            }

            y[j] = -Math.Log(f);
        }

        double meanX = x.Average();
        double meanY = y.Average();
        double slope = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum() / x.Sum(a => (a - meanX) * (a - meanX));
        Assert.Equal(chi, slope, 1e-8);

        // the default window ends where lambda_min tau(t1) = 0.01
        double tauEnd = result.T1 + Gamma * Math.Pow(result.T1, 2.0 - chi);
        Assert.Equal(0.01, lambda[^1] * tauEnd, 1e-9);
    }

    [Fact]
    public void Solve_LazyNeedsOneIteration()
    {
        var (lambda, wStar) = PowerLaw(20_000, 2.0, 0.4);
        SelfConsistentChiResult result = SelfConsistentChi.Solve(lambda, wStar, 0.0);
        Assert.Equal(1, result.Iterations);
        Assert.True(result.Residual <= 1e-12, $"residual {result.Residual}");
    }

    [Fact]
    public void Solve_LazyIsInvariantUnderRescalingTime()
    {
        // lambda -> lambda/4 with wStar -> 2 wStar keeps the weights and stretches time by 4: F'(t) = F(t/4),
        // and the default window [10/lambda_max, ...] stretches with it, so the slope in ln t is unchanged.
        var (lambda, wStar) = PowerLaw(20_000, 2.0, 0.7);
        SelfConsistentChiResult reference = SelfConsistentChi.Solve(lambda, wStar, 0.0);
        double[] slowLambda = lambda.Select(l => l / 4.0).ToArray();
        double[] slowWStar = wStar.Select(w => 2.0 * w).ToArray();
        SelfConsistentChiResult slow = SelfConsistentChi.Solve(slowLambda, slowWStar, 0.0);
        Assert.Equal(40.0, slow.T0, 1e-12);
        Assert.Equal(4.0 * reference.T1, slow.T1, 1e-6 * slow.T1);
        Assert.Equal(reference.Chi, slow.Chi, 1e-9);
    }

    [Fact]
    public void Solve_IgnoresModesWithoutTargetWeightAndOrder()
    {
        var (lambda, wStar) = PowerLaw(20_000, 2.0, 0.4);
        SelfConsistentChiResult reference = SelfConsistentChi.Solve(lambda, wStar, 1.0);

        // a huge and a tiny eigenvalue with wStar = 0 must not move the window; reversed order must not matter
        double[] paddedLambda = new[] { 1e-30 }.Concat(lambda.Reverse()).Append(1e6).ToArray();
        double[] paddedWStar = new[] { 0.0 }.Concat(wStar.Reverse()).Append(0.0).ToArray();
        SelfConsistentChiResult padded = SelfConsistentChi.Solve(paddedLambda, paddedWStar, 1.0);
        Assert.Equal(reference.T0, padded.T0);
        Assert.Equal(reference.Chi, padded.Chi, 1e-9);
    }

    [Fact]
    public void Solve_ThrowsWhenIterationsRunOut()
    {
        var (lambda, wStar) = PowerLaw(20_000, 2.0, 0.4);
        var options = new SelfConsistentChiOptions { MaxIterations = 1, Tolerance = 1e-13 };
        var ex = Assert.Throws<NonConvergenceException>(() => SelfConsistentChi.Solve(lambda, wStar, 1.0, options));
        Assert.Contains("did not converge in 1 iterations", ex.Message);
        Assert.Contains("tolerance 1E-13", ex.Message);
    }

    [Fact]
    public void Solve_RejectsTooNarrowSpectrum()
    {
        // lambda in [1, 1/9]: the window would run from 10 to 0.01 * 9 = 0.09
        var ex = Assert.Throws<ArgumentException>(() => SelfConsistentChi.Solve(new[] { 1.0, 0.25, 1.0 / 9.0 }, new[] { 1.0, 1.0, 1.0 }, 0.0));
        Assert.Contains("spans less than a decade", ex.Message);
    }

    [Fact]
    public void Solve_RejectsWindowPastTheSpectrum()
    {
        var (lambda, wStar) = PowerLaw(100, 2.0, 0.4); // lambda_min = 1e-4: exp(-1e-4 * 1e8) underflows
        var options = new SelfConsistentChiOptions { T0 = 10.0, T1 = 1e8 };
        var ex = Assert.Throws<ArgumentException>(() => SelfConsistentChi.Solve(lambda, wStar, 0.0, options));
        Assert.Contains("runs past the smallest eigenvalue", ex.Message);
    }

    [Fact]
    public void Solve_RejectsMismatchedAndEmptySpectra()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => SelfConsistentChi.Solve(new double[3], new double[2], 0.0));
        Assert.Equal("wStar", mismatch.ParamName);
        Assert.Contains("must be equal", mismatch.Message);

        var empty = Assert.Throws<ArgumentException>(() => SelfConsistentChi.Solve([], [], 0.0));
        Assert.Contains("zero on every mode", empty.Message);

        var zero = Assert.Throws<ArgumentException>(() => SelfConsistentChi.Solve(new[] { 1.0, 0.1 }, new[] { 0.0, 0.0 }, 0.0));
        Assert.Contains("zero on every mode", zero.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Solve_RejectsBadEigenvalue(double bad) =>
        ExponentsTests.AssertOutOfRange(
            () => SelfConsistentChi.Solve(new[] { 1.0, bad }, new[] { 1.0, 1.0 }, 0.0),
            "lambda",
            "lambda must be a finite number > 0 at every index (index 1)");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e200)] // finite, but (wStar)^2 lambda overflows
    public void Solve_RejectsBadTargetWeight(double bad) =>
        ExponentsTests.AssertOutOfRange(
            () => SelfConsistentChi.Solve(new[] { 1.0, 0.5 }, new[] { bad, 1.0 }, 0.0),
            "wStar",
            "wStar must be finite, with a finite (wStar_k)^2 lambda_k (index 0)");

    [Fact]
    public void Solve_RejectsBadGamma() =>
        ExponentsTests.AssertOutOfRange(
            () => SelfConsistentChi.Solve(new[] { 1.0 }, new[] { 1.0 }, -0.5),
            "gamma",
            "gamma must be a finite number >= 0 (0 is the lazy limit)");

    [Fact]
    public void Options_RejectOutOfRangeValues()
    {
        ExponentsTests.AssertOutOfRange(() => _ = new SelfConsistentChiOptions { T0 = 0.0 }, "T0", "T0 must be a finite number > 0");
        ExponentsTests.AssertOutOfRange(() => _ = new SelfConsistentChiOptions { T1 = double.NaN }, "T1", "T1 must be a finite number > 0");
        ExponentsTests.AssertOutOfRange(() => _ = new SelfConsistentChiOptions { EdgeFraction = 0.0 }, "EdgeFraction", "EdgeFraction must be a finite number in (0, 1]");
        ExponentsTests.AssertOutOfRange(() => _ = new SelfConsistentChiOptions { EdgeFraction = 1.5 }, "EdgeFraction", "EdgeFraction must be a finite number in (0, 1]");
        ExponentsTests.AssertOutOfRange(() => _ = new SelfConsistentChiOptions { Points = 2 }, "Points", "Points must be an integer in [3, 10000]");
        ExponentsTests.AssertOutOfRange(() => _ = new SelfConsistentChiOptions { Tolerance = 0.0 }, "Tolerance", "Tolerance must be a finite number > 0");
        ExponentsTests.AssertOutOfRange(() => _ = new SelfConsistentChiOptions { MaxIterations = 0 }, "MaxIterations", "MaxIterations must be an integer in [1, 10000]");
    }

    [Fact]
    public void Options_DefaultsAreDocumented()
    {
        var options = SelfConsistentChiOptions.Default;
        Assert.Null(options.T0);
        Assert.Null(options.T1);
        Assert.Equal(0.01, options.EdgeFraction);
        Assert.Equal(33, options.Points);
        Assert.Equal(1e-9, options.Tolerance);
        Assert.Equal(50, options.MaxIterations);
    }
}

using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Numerics.Tests.Analysis;

/// <summary>The bottleneck fit L(X) ~ X^-x over sizes X, against data whose exponent is known.</summary>
public sealed class BottleneckFitTests
{
    private static readonly double[] Sizes = [64, 128, 256, 512, 1024];

    [Fact]
    public void An_exact_power_law_gives_its_exponent_and_intercept()
    {
        IReadOnlyList<double>[] losses = Sizes.Select(p => (IReadOnlyList<double>)[2.5 * Math.Pow(p, -0.8)]).ToArray();
        BottleneckFitResult fit = BottleneckFit.Fit(Sizes, losses);
        Assert.Equal(0.8, fit.Exponent, 12);
        Assert.Equal(Math.Log(2.5), fit.Intercept, 12);
        Assert.True(double.IsNaN(fit.Ci.Lo)); // one seed per size: nothing to resample
        Assert.Equal(5, fit.Points);
    }

    [Fact]
    public void The_seed_bootstrap_interval_covers_the_true_exponent_at_the_stated_noise()
    {
        // 16 seeds per size with independent multiplicative noise of 10% (uniform): the standard error of ln(mean)
        // per size is about 0.1/sqrt(3)/4 = 0.0144, so the slope's SE over ln P = ln 64 .. ln 1024 (deviations
        // -2..2 times ln 2, sum of squares 10 (ln 2)^2 = 4.80) is 0.0144/sqrt(4.80) = 0.0066; the estimate must lie
        // within 4 SE, and the 95% interval's width within a factor 2 of 2 x 1.96 SE.
        var random = new System.Random(12345);
        IReadOnlyList<double>[] losses = Sizes
            .Select(p => (IReadOnlyList<double>)Enumerable.Range(0, 16).Select(_ => Math.Pow(p, -1.2) * (1 + (0.1 * ((2 * random.NextDouble()) - 1)))).ToArray())
            .ToArray();
        BottleneckFitResult fit = BottleneckFit.Fit(Sizes, losses);
        Assert.InRange(fit.Exponent, 1.2 - (4 * 0.0066), 1.2 + (4 * 0.0066));
        Assert.InRange(1.2, fit.Ci.Lo, fit.Ci.Hi);
        double width = fit.Ci.Hi - fit.Ci.Lo;
        Assert.InRange(width, 0.5 * 2 * 1.96 * 0.0066, 2 * 2 * 1.96 * 0.0066);

        // Reproducible: the bootstrap generator is seeded.
        Assert.Equal(fit, BottleneckFit.Fit(Sizes, losses));
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        IReadOnlyList<double>[] one = [[1.0]];
        Assert.Contains("at least 2 sizes", Assert.Throws<ArgumentException>(() => BottleneckFit.Fit([64], one)).Message, StringComparison.Ordinal);
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => BottleneckFit.Fit([64, 64], [[1.0], [0.5]])).Message, StringComparison.Ordinal);
        Assert.Contains("has no seeds", Assert.Throws<ArgumentException>(() => BottleneckFit.Fit([64, 128], [[1.0], []])).Message, StringComparison.Ordinal);
        Assert.Contains("positive finite", Assert.Throws<ArgumentException>(() => BottleneckFit.Fit([64, 128], [[1.0], [0.0]])).Message, StringComparison.Ordinal);
    }
}

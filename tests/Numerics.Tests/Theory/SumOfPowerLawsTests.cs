using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Numerics.Tests.Theory;

public class SumOfPowerLawsTests
{
    private const double Tight = 1e-14;
    private const double Inf = double.PositiveInfinity;

    [Fact]
    public void Terms_LazyByHand()
    {
        // alpha = 2, beta = 0.4, gamma = 0 (m = 1), t = 16, N = 100, B = 10, eta = 0.5:
        // gradient flow 16^-0.4 = 2^-1.6 = 0.32987697769322355
        // bottleneck 100^-(2*0.4) = 10^-1.6 = 0.025118864315095794
        // finite N (1/100) * 16^-(1 - 1/2) = 0.01 * 0.25 = 0.0025
        // SGD (0.5/10) * 16^-(2 - 1/2) = 0.05 / 64 = 0.00078125
        PowerLawTerms terms = SumOfPowerLaws.Terms(16.0, 2.0, 0.4, 0.0, 100.0, 10.0, 0.5);
        Assert.Equal(0.32987697769322355, terms.GradientFlow, Tight);
        Assert.Equal(0.025118864315095794, terms.ModelBottleneck, Tight);
        Assert.Equal(0.0025, terms.FiniteNTransient, Tight);
        Assert.Equal(0.00078125, terms.SgdTransient, Tight);
        Assert.Equal(0.32987697769322355 + 0.025118864315095794 + 0.0025 + 0.00078125, terms.Total, Tight);
    }

    [Fact]
    public void Terms_RichByHand()
    {
        // alpha = 2, beta = 0.4, gamma = 1: m = 2/1.4 = 10/7; t = 128 = 2^7 makes every power exact:
        // gradient flow 128^-(0.4 * 10/7) = 2^-4 = 0.0625
        // bottleneck unchanged 10^-1.6 = 0.025118864315095794
        // finite N 0.01 * 128^-(0.5 * 10/7) = 0.01 * 2^-5 = 0.0003125
        // SGD 0.05 * 128^-(1.5 * 10/7) = 0.05 * 2^-15 = 1.52587890625e-6
        PowerLawTerms terms = SumOfPowerLaws.Terms(128.0, 2.0, 0.4, 1.0, 100.0, 10.0, 0.5);
        Assert.Equal(0.0625, terms.GradientFlow, Tight);
        Assert.Equal(0.025118864315095794, terms.ModelBottleneck, Tight);
        Assert.Equal(0.0003125, terms.FiniteNTransient, Tight);
        Assert.Equal(1.52587890625e-6, terms.SgdTransient, Tight);
        Assert.Equal(terms.Total, SumOfPowerLaws.Loss(128.0, 2.0, 0.4, 1.0, 100.0, 10.0, 0.5));
    }

    [Fact]
    public void Terms_RichEasyTaskKeepsLazyExponents()
    {
        // beta = 1.2 > 1: m = 1 for any gamma, so rich equals lazy
        Assert.Equal(
            SumOfPowerLaws.Terms(50.0, 2.0, 1.2, 0.0, 64.0, 8.0, 0.3),
            SumOfPowerLaws.Terms(50.0, 2.0, 1.2, 2.0, 64.0, 8.0, 0.3));
    }

    [Theory]
    [InlineData(1.0, 0.4, 0.0, 1.0)] // t = 1: every power is 1
    [InlineData(16.0, 0.4, 0.0, 0.32987697769322355)] // 16^-0.4
    [InlineData(128.0, 0.4, 1.0, 0.0625)] // 128^-(4/7) = 2^-4
    [InlineData(100.0, 1.2, 1.0, 0.003981071705534973)] // 100^-1.2 = 10^-2.4
    public void Loss_WithInfiniteModelAndBatchIsGradientFlowTerm(double t, double beta, double gamma, double expected)
    {
        Assert.Equal(expected, SumOfPowerLaws.Loss(t, 2.0, beta, gamma), Tight);
        Assert.Equal(expected, SumOfPowerLaws.Loss(t, 2.0, beta, gamma, Inf, Inf, 0.7), Tight);
        PowerLawTerms terms = SumOfPowerLaws.Terms(t, 2.0, beta, gamma, Inf, Inf, 0.7);
        Assert.Equal(0.0, terms.ModelBottleneck);
        Assert.Equal(0.0, terms.FiniteNTransient);
        Assert.Equal(0.0, terms.SgdTransient);
    }

    [Fact]
    public void Loss_LateTimeApproachesModelBottleneck()
    {
        // t -> infinity leaves N^-(alpha min(2, beta)) = 100^-0.8 = 10^-1.6
        Assert.Equal(0.025118864315095794, SumOfPowerLaws.Loss(1e300, 2.0, 0.4, 1.0, 100.0, 10.0, 0.5), 1e-12);
    }

    [Fact]
    public void Loss_SpanMatchesScalar()
    {
        double[] t = { 1.0, 3.0, 16.0, 1e4 };
        double[] loss = new double[t.Length];
        SumOfPowerLaws.Loss(t, loss, 2.0, 0.4, 0.5, 256.0, 4.0, 0.1);
        for (int i = 0; i < t.Length; i++)
        {
            Assert.Equal(SumOfPowerLaws.Loss(t[i], 2.0, 0.4, 0.5, 256.0, 4.0, 0.1), loss[i]);
        }
    }

    [Fact]
    public void Loss_SpanRejectsLengthMismatch()
    {
        var ex = Assert.Throws<ArgumentException>(() => SumOfPowerLaws.Loss(new double[3], new double[2], 2.0, 0.4, 0.0));
        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("must be equal", ex.Message);
    }

    [Fact]
    public void Loss_SpanRejectsBadTime() =>
        ExponentsTests.AssertOutOfRange(
            () => SumOfPowerLaws.Loss(new[] { 2.0, 0.0 }, new double[2], 2.0, 0.4, 0.0),
            "t",
            "t must be a finite number >= 1 (the asymptotic form is meaningless at t = 0)");

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Terms_RejectsBadTime(double t) =>
        ExponentsTests.AssertOutOfRange(
            () => SumOfPowerLaws.Terms(t, 2.0, 0.4, 0.0),
            "t",
            "t must be a finite number >= 1 (the asymptotic form is meaningless at t = 0)");

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Loss_RejectsBadModelAndBatchSize(double size)
    {
        const string Range = "must be a number >= 1 or +infinity";
        ExponentsTests.AssertOutOfRange(() => SumOfPowerLaws.Loss(10.0, 2.0, 0.4, 0.0, modelSize: size), "modelSize", "modelSize " + Range);
        ExponentsTests.AssertOutOfRange(() => SumOfPowerLaws.Loss(10.0, 2.0, 0.4, 0.0, batchSize: size), "batchSize", "batchSize " + Range);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Loss_RejectsBadEta(double eta) =>
        ExponentsTests.AssertOutOfRange(
            () => SumOfPowerLaws.Loss(10.0, 2.0, 0.4, 0.0, 100.0, 10.0, eta), "eta", "eta must be a finite number > 0 (learning rate)");

    [Fact]
    public void Loss_RejectsBadExponentParameters()
    {
        ExponentsTests.AssertOutOfRange(() => SumOfPowerLaws.Loss(10.0, 1.0, 0.4, 0.0), "alpha", "alpha must be a finite number > 1");
        ExponentsTests.AssertOutOfRange(() => SumOfPowerLaws.Loss(10.0, 2.0, 0.0, 0.0), "beta", "beta must be a finite number > 0");
        ExponentsTests.AssertOutOfRange(() => SumOfPowerLaws.Loss(10.0, 2.0, 0.4, -1.0), "gamma", "gamma must be a finite number >= 0");
    }
}

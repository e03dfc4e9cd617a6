using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Numerics.Tests.Theory;

public class ExponentsTests
{
    private const double Tight = 1e-12;

    [Theory]
    [InlineData(2.0, 0.4, TaskPhase.Hard)]
    [InlineData(2.0, 0.999999, TaskPhase.Hard)]
    [InlineData(2.0, 1.0, TaskPhase.Easy)] // boundary beta = 1 belongs to easy
    [InlineData(2.0, 1.2, TaskPhase.Easy)]
    [InlineData(2.0, 1.499999, TaskPhase.Easy)] // 2 - 1/2 = 1.5
    [InlineData(2.0, 1.5, TaskPhase.SuperEasy)] // boundary belongs to super-easy
    [InlineData(2.0, 3.6, TaskPhase.SuperEasy)]
    [InlineData(4.0, 1.7, TaskPhase.Easy)] // 2 - 1/4 = 1.75
    [InlineData(4.0, 1.75, TaskPhase.SuperEasy)]
    [InlineData(1.25, 1.19, TaskPhase.Easy)] // 2 - 1/1.25 = 1.2
    [InlineData(1.25, 1.21, TaskPhase.SuperEasy)]
    public void Phase_FollowsTable1Boundaries(double alpha, double beta, TaskPhase expected) =>
        Assert.Equal(expected, Exponents.Phase(alpha, beta));

    [Theory]
    [InlineData(0.4, 0.4)]
    [InlineData(1.2, 1.2)]
    public void ChiLazy_IsBeta(double beta, double expected) =>
        Assert.Equal(expected, Exponents.ChiLazy(beta), Tight);

    [Theory]
    [InlineData(0.4, 0.8 / 1.4)] // 0.4 * 2/1.4 = 0.571428...
    [InlineData(0.5, 1.0 / 1.5)] // 0.5 * 2/1.5 = 0.666...
    [InlineData(1.0, 1.0)] // 2/(1+1) = 1: both branches agree
    [InlineData(1.2, 1.2)] // 2/2.2 < 1, so max picks 1
    [InlineData(3.6, 3.6)]
    public void ChiRich_DoublesHardExponentOnly(double beta, double expected) =>
        Assert.Equal(expected, Exponents.ChiRich(beta), Tight);

    [Theory]
    [InlineData(0.4, 0.0, 0.4)]
    [InlineData(0.4, 0.75, 0.8 / 1.4)]
    [InlineData(0.4, 1e-9, 0.8 / 1.4)] // any gamma > 0 is rich
    [InlineData(1.2, 1.0, 1.2)]
    public void TimeExponent_SwitchesOnGamma(double beta, double gamma, double expected) =>
        Assert.Equal(expected, Exponents.TimeExponent(beta, gamma), Tight);

    [Theory]
    [InlineData(0.4, 1.0, 2.0 / 1.4)] // 1.428571...
    [InlineData(0.4, 0.0, 1.0)]
    [InlineData(1.2, 1.0, 1.0)] // 2/2.2 < 1
    public void TimeAcceleration_IsM(double beta, double gamma, double expected) =>
        Assert.Equal(expected, Exponents.TimeAcceleration(beta, gamma), Tight);

    [Fact]
    public void Levels_FollowEq62ByHand()
    {
        // chi0 = 0.4; chi1 = 0.4*1.6 = 0.64; chi2 = 0.4*(2-0.64) = 0.544; chi3 = 0.4*(2-0.544) = 0.5824
        double[] chi = Exponents.Levels(0.4, 3);
        Assert.Equal(4, chi.Length);
        Assert.Equal(0.4, chi[0], Tight);
        Assert.Equal(0.64, chi[1], Tight);
        Assert.Equal(0.544, chi[2], Tight);
        Assert.Equal(0.5824, chi[3], Tight);
    }

    [Fact]
    public void Levels_ZeroLevelsIsBeta() => Assert.Equal(new[] { 0.7 }, Exponents.Levels(0.7, 0));

    [Theory]
    [InlineData(0.4, 60)] // error 0.4^60 * 0.17 ~ 1e-25
    [InlineData(0.9, 400)] // error 0.9^400 * 0.05 ~ 3e-20
    public void Levels_ConvergeAlternatingToTwoBetaOverOnePlusBeta(double beta, int n)
    {
        double fixedPoint = 2.0 * beta / (1.0 + beta);
        double[] chi = Exponents.Levels(beta, n);
        Assert.Equal(fixedPoint, chi[n], Tight);
        for (int k = 0; k < 6; k++)
        {
            // even levels undershoot and odd levels overshoot, since the map has slope -beta
            Assert.True(k % 2 == 0 ? chi[k] < fixedPoint : chi[k] > fixedPoint, $"level {k} = {chi[k]}");
        }
    }

    [Fact]
    public void Levels_AtBetaOneAreAllOne() => Assert.All(Exponents.Levels(1.0, 10), c => Assert.Equal(1.0, c, Tight));

    [Fact]
    public void Levels_DivergeForBetaAboveOne()
    {
        // fixed point 2.4/2.2 = 1.0909...; chi1 = 1.2*0.8 = 0.96, chi2 = 1.2*1.04 = 1.248;
        // the distance to it grows by 1.2 per level: 0.10909 * 1.2^20 = 4.18
        double fixedPoint = 2.4 / 2.2;
        double[] chi = Exponents.Levels(1.2, 20);
        Assert.Equal(0.96, chi[1], Tight);
        Assert.Equal(1.248, chi[2], Tight);
        Assert.Equal((1.2 - fixedPoint) * Math.Pow(1.2, 20), Math.Abs(chi[20] - fixedPoint), 1e-9);
    }

    [Fact]
    public void Levels_SpanOverloadMatchesArray()
    {
        Span<double> chi = stackalloc double[5];
        Exponents.Levels(0.3, chi);
        Assert.Equal(Exponents.Levels(0.3, 4), chi.ToArray());
    }

    [Theory]
    [InlineData(2.0, 0.4, 0.8)] // 2 * 0.4
    [InlineData(2.0, 3.6, 4.0)] // 2 * min(2, 3.6)
    [InlineData(1.5, 2.0, 3.0)]
    public void ModelBottleneck_IsAlphaMinTwoBeta(double alpha, double beta, double expected) =>
        Assert.Equal(expected, Exponents.ModelBottleneck(alpha, beta), Tight);

    /// <summary>The measured floor exponent alpha min(1, beta): eq. 12's for beta &lt;= 1, alpha above.</summary>
    [Theory]
    [InlineData(2.0, 0.4, 0.8)]
    [InlineData(2.0, 1.0, 2.0)]
    [InlineData(2.0, 1.5, 2.0)] // eq. 12: 3
    [InlineData(1.5, 1.2, 1.5)] // eq. 12: 1.8
    public void ModelBottleneckMeasured_IsAlphaMinOneBeta(double alpha, double beta, double expected)
    {
        Assert.Equal(expected, Exponents.ModelBottleneckMeasured(alpha, beta), Tight);
        Assert.Equal(beta <= 1, Exponents.ModelBottleneckMeasured(alpha, beta) == Exponents.ModelBottleneck(alpha, beta));
    }

    [Fact]
    public void ModelBottleneckMeasured_RefusesAnAlphaOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Exponents.ModelBottleneckMeasured(1.0, 0.4));

    [Theory]
    [InlineData(2.0, 0.4, 0.8 / 3.0, 1.6 / 4.8)] // hard: lazy 2*0.4/3 = 0.2667; rich 2*2*0.4/(2*1.4+2) = 1.6/4.8 = 0.3333
    [InlineData(2.0, 0.5, 1.0 / 3.0, 2.0 / 5.0)] // hard: lazy 1/3; rich 2/(2*1.5+2) = 2/5
    [InlineData(2.0, 1.2, 2.4 / 3.4, 2.4 / 3.4)] // easy: 2*1.2/(2*1.2+1) = 0.70588
    [InlineData(2.0, 1.25, 2.5 / 3.5, 2.5 / 3.5)] // easy: 2.5/3.5 = 0.714
    [InlineData(2.0, 3.6, 0.75, 0.75)] // super-easy: 1 - 1/4
    [InlineData(2.0, 1.75, 0.75, 0.75)]
    [InlineData(4.0, 0.5, 2.0 / 5.0, 4.0 / 8.0)] // hard: lazy 4*0.5/5 = 0.4; rich 2*4*0.5/(4*1.5+2) = 4/8
    public void ComputeOptimal_MatchesTable1(double alpha, double beta, double lazy, double rich)
    {
        Assert.Equal(lazy, Exponents.ComputeOptimalLazy(alpha, beta), Tight);
        Assert.Equal(rich, Exponents.ComputeOptimalRich(alpha, beta), Tight);
        Assert.Equal(lazy, Exponents.ComputeOptimal(alpha, beta, 0.0), Tight);
        Assert.Equal(rich, Exponents.ComputeOptimal(alpha, beta, 0.75), Tight);
    }

    [Fact]
    public void ComputeOptimal_IsContinuousAcrossPhaseBoundaries()
    {
        // beta = 1, alpha = 2: hard rich 2*2/(2*2+2) = 2/3, hard lazy 2/3, easy 2/(2+1) = 2/3
        Assert.Equal(2.0 / 3.0, Exponents.ComputeOptimalRich(2.0, 1.0 - 1e-12), 1e-9);
        Assert.Equal(2.0 / 3.0, Exponents.ComputeOptimalLazy(2.0, 1.0 - 1e-12), 1e-9);
        Assert.Equal(2.0 / 3.0, Exponents.ComputeOptimalRich(2.0, 1.0), Tight);
        // beta = 2 - 1/alpha = 1.5: easy 3/4 = super-easy 1 - 1/4
        Assert.Equal(0.75, Exponents.ComputeOptimalRich(2.0, 1.5 - 1e-12), 1e-9);
        Assert.Equal(0.75, Exponents.ComputeOptimalRich(2.0, 1.5), Tight);
    }

    public static TheoryData<double> BadAlphas => new() { 1.0, 0.5, -3.0, double.NaN, double.PositiveInfinity };

    public static TheoryData<double> BadBetas => new() { 0.0, -0.4, double.NaN, double.PositiveInfinity };

    public static TheoryData<double> BadGammas => new() { -0.1, double.NaN, double.PositiveInfinity };

    [Theory]
    [MemberData(nameof(BadAlphas))]
    public void EveryAlphaFunction_RejectsBadAlpha(double alpha)
    {
        foreach (Action call in new Action[]
        {
            () => Exponents.Phase(alpha, 0.4),
            () => Exponents.ModelBottleneck(alpha, 0.4),
            () => Exponents.ComputeOptimalLazy(alpha, 0.4),
            () => Exponents.ComputeOptimalRich(alpha, 0.4),
            () => Exponents.ComputeOptimal(alpha, 0.4, 1.0),
        })
        {
            AssertOutOfRange(call, "alpha", "alpha must be a finite number > 1 (trace-class kernel)");
        }
    }

    [Theory]
    [MemberData(nameof(BadBetas))]
    public void EveryBetaFunction_RejectsBadBeta(double beta)
    {
        foreach (Action call in new Action[]
        {
            () => Exponents.Phase(2.0, beta),
            () => Exponents.ChiLazy(beta),
            () => Exponents.ChiRich(beta),
            () => Exponents.TimeExponent(beta, 1.0),
            () => Exponents.TimeAcceleration(beta, 1.0),
            () => Exponents.Levels(beta, 3),
            () => Exponents.Levels(beta, new double[3]),
            () => Exponents.ModelBottleneck(2.0, beta),
            () => Exponents.ComputeOptimal(2.0, beta, 0.0),
        })
        {
            AssertOutOfRange(call, "beta", "beta must be a finite number > 0 (source exponent)");
        }
    }

    [Theory]
    [MemberData(nameof(BadGammas))]
    public void EveryGammaFunction_RejectsBadGamma(double gamma)
    {
        foreach (Action call in new Action[]
        {
            () => Exponents.TimeExponent(0.4, gamma),
            () => Exponents.TimeAcceleration(0.4, gamma),
            () => Exponents.ComputeOptimal(2.0, 0.4, gamma),
        })
        {
            AssertOutOfRange(call, "gamma", "gamma must be a finite number >= 0 (0 is the lazy limit)");
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Levels_RejectsBadLevelCount(int n) =>
        AssertOutOfRange(() => Exponents.Levels(0.4, n), "n", "n must be an integer in [0, 1000000]");

    [Fact]
    public void Message_ShowsTheOffendingValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Exponents.Phase(0.5, 0.4));
        Assert.StartsWith(
            "alpha = 0.5 is out of range: alpha must be a finite number > 1 (trace-class kernel)", ex.Message);
    }

    internal static void AssertOutOfRange(Action call, string parameter, string rangeText)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal(parameter, ex.ParamName);
        Assert.StartsWith(parameter + " = ", ex.Message);
        Assert.Contains(rangeText, ex.Message);
    }
}

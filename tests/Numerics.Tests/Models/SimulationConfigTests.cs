using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Tests.Models;

public class SimulationConfigTests
{
    private static readonly SimulationConfig Valid = new(ModelKind.Projected, 2.0, 0.4, 100, 1.0, 16, 8, 0.05, 100, 1);

    public static TheoryData<SimulationConfig, string> Invalid() => new()
    {
        { Valid with { Alpha = 0.9 }, "alpha = 0.9 is out of range: alpha must be a finite number > 1" },
        { Valid with { Beta = -1 }, "beta = -1 is out of range: beta must be a finite number > 0" },
        { Valid with { M = 0 }, "M = 0 is out of range" },
        { Valid with { Gamma = -0.1 }, "gamma = -0.1 is out of range: gamma must be a finite number >= 0" },
        { Valid with { Gamma = double.NaN }, "gamma = NaN is out of range" },
        { Valid with { Model = ModelKind.LinearNetwork, Gamma = 0 }, "gamma (gamma_0) must be a finite number > 0" },
        { Valid with { N = 0 }, "N = 0 is out of range: N must be an integer from 1 to 65536" },
        { Valid with { Batch = 0 }, "B = 0 is out of range: B must be an integer >= 1 or 'inf'" },
        { Valid with { Eta = 0 }, "eta = 0 is out of range: eta must be a finite number > 0" },
        { Valid with { Eta = double.PositiveInfinity }, "eta = Infinity is out of range" },
        { Valid with { Steps = 0 }, "steps = 0 is out of range: steps must be an integer from 1 to" },
        { Valid with { PointsPerDecade = 0 }, "pointsPerDecade = 0 is out of range: pointsPerDecade must be an integer from 1 to 1000" },
        { Valid with { Model = (ModelKind)7 }, "model = 7 is not a model" },
        { Valid with { Sampler = (Sampler)7 }, "sampler = 7 is not a sampler" },
        { Valid with { CustomSpectrum = Spectrum.PowerLaw(2, 1, 50) }, "M = 100 does not match the custom spectrum's 50 modes" },
        { Valid with { P = 0 }, "P = 0 is out of range: P must be an integer from 1 to 100000000 or 'inf'" },
        { Valid with { P = 4 }, "B = 8 is out of range for P = 4: on a finite training set B must be an integer from 1 to P" },
        { Valid with { P = 4, Batch = null }, "B = inf is out of range for P = 4" },
        { Valid with { P = 8, Model = ModelKind.LinearNetwork }, "P = 8 is out of range for model 'linear-network'" },
        { Valid with { P = 100_000_000, Batch = 8, N = 65_536 }, "P = 100000000 is out of range with N = 65536: P x N must be at most" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EveryFieldIsValidatedByName(SimulationConfig config, string message)
    {
        Assert.Contains(message, Assert.ThrowsAny<ArgumentException>(config.Validate).Message);
        Assert.Contains(message, Assert.ThrowsAny<ArgumentException>(() => SimulationFactory.Create(config)).Message);
    }

    [Fact]
    public void FingerprintCoversEveryFieldButNotTheObject()
    {
        Assert.Equal(Valid.Fingerprint(), (Valid with { }).Fingerprint());
        var variants = new[]
        {
            Valid with { Alpha = 2.5 }, Valid with { Beta = 0.5 }, Valid with { M = 101 }, Valid with { Gamma = 0.5 },
            Valid with { N = 17 }, Valid with { Batch = null }, Valid with { Eta = 0.06 }, Valid with { Steps = 101 },
            Valid with { Seed = 2 }, Valid with { PointsPerDecade = 11 }, Valid with { Sampler = Sampler.Reference },
            Valid with { Model = ModelKind.LinearNetwork }, Valid with { CustomSpectrum = Spectrum.PowerLaw(2, 0.4, 100) },
            Valid with { P = 8 }, Valid with { P = 9 },
        };
        var prints = variants.Select(v => v.Fingerprint()).Append(Valid.Fingerprint()).ToHashSet();
        Assert.Equal(variants.Length + 1, prints.Count);
    }

    /// <summary>Online runs keep the canonical text (so the fingerprint, the stored results and checkpoints) they had before finite data.</summary>
    [Fact]
    public void AnOnlineRunsCanonicalTextHasNoP()
    {
        Assert.Equal("v=1;model=Projected;sampler=Fast;task=power-law(2,0.4,100);gamma=1;N=16;B=8;eta=0.05;T=100;ppd=10;seed=1", Valid.CanonicalText());
        Assert.EndsWith(";B=8;P=64;eta=0.05;T=100;ppd=10;seed=1", (Valid with { P = 64 }).CanonicalText());
    }

    [Fact]
    public void PeakMemoryEstimateGrowsWithTheMatrices()
    {
        var fast = Valid with { N = 128, M = 10_000 };
        Assert.True(fast.EstimatedPeakBytes() >= 8L * 128 * 10_000);
        Assert.True((fast with { Sampler = Sampler.Reference }).EstimatedPeakBytes() >= 2 * 8L * 128 * 10_000);
    }
}

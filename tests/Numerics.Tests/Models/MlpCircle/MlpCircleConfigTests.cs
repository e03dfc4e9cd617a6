using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>Every field of an mlp-circle configuration is validated by name, and every field changes its fingerprint.</summary>
public sealed class MlpCircleConfigTests
{
    private static readonly MlpCircleSettings Settings = new(1.0, 1.0, 2, 128);
    private static readonly SimulationConfig Valid = SimulationConfig.ForMlpCircle(Settings, 1.0, 64, 16, 0.25, 1000, 1);

    public static TheoryData<SimulationConfig, string> Invalid() => new()
    {
        { Rebuilt(Settings with { Q = 0.5 }), "q = 0.5 is out of range: q must be a finite number > 1/2" },
        { Rebuilt(Settings with { Q = double.NaN }), "q = NaN is out of range" },
        { Rebuilt(Settings with { QPhi = 0.5 }), "qPhi = 0.5 is out of range: qPhi must be a number > 1/2 and <= 16" },
        { Rebuilt(Settings with { QPhi = 17 }), "qPhi = 17 is out of range" },
        { Rebuilt(Settings with { Depth = 0 }), "depth = 0 is out of range: depth (hidden layers) must be an integer from 1 to 16" },
        { Rebuilt(Settings with { Harmonics = 0 }), "K = 0 is out of range: K (target harmonics) must be an integer from 1 to 16384" },
        { Valid with { Gamma = 0 }, "gamma = 0 is out of range for model 'mlp-circle': gamma (gamma_0) must be a finite number > 0" },
        { Valid with { Batch = null }, "B = inf is out of range for model 'mlp-circle': B must be an integer from 1 to 65536" },
        { Valid with { Batch = 0 }, "B = 0 is out of range for model 'mlp-circle'" },
        { Valid with { Sampler = Sampler.Reference }, "sampler = Reference is out of range for model 'mlp-circle'" },
        { Valid with { Alpha = 3 }, "do not match model 'mlp-circle': they must be eq. 14's alpha = 2 qPhi = 2, beta = (2q - 1)/(2 qPhi) = 0.5 and M = K = 128" },
        { Valid with { M = 100 }, "M = 100 do not match model 'mlp-circle'" },
        { Valid with { Mlp = null }, "model 'mlp-circle' needs its settings (q, qPhi, depth, K)" },
        { Valid with { P = 32 }, "P = 32 is out of range for model 'mlp-circle'" },
        { Valid with { CustomSpectrum = ScaleSweep.Numerics.Spectra.Spectrum.PowerLaw(2, 0.5, 128) }, "a custom spectrum is out of range for model 'mlp-circle'" },
        { Valid with { Eta = 0 }, "eta = 0 is out of range" },
        { Valid with { N = 0 }, "N = 0 is out of range" },
        { new SimulationConfig(ModelKind.Projected, 2.0, 0.4, 100, 1.0, 16, 8, 0.05, 100, 1) { Mlp = Settings }, "the mlp-circle settings (q, qPhi, depth, K) are for model 'mlp-circle', not 'projected'" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EveryFieldIsValidatedByName(SimulationConfig config, string message)
    {
        Assert.Contains(message, Assert.ThrowsAny<ArgumentException>(config.Validate).Message);
        Assert.Contains(message, Assert.ThrowsAny<ArgumentException>(() => SimulationFactory.Create(config)).Message);
    }

    [Fact]
    public void Eq14LabelsTheRunWithAlphaAndBeta()
    {
        var config = SimulationConfig.ForMlpCircle(new MlpCircleSettings(1.4, 0.75, 2, 64), 1.0, 64, 16, 0.25, 1000, 1);
        Assert.Equal(1.5, config.Alpha);
        Assert.Equal((2 * 1.4 - 1) / 1.5, config.Beta);
        Assert.Equal(64, config.M);
        Assert.Equal(ModelKind.MlpCircle, config.Model);
    }

    [Fact]
    public void FingerprintCoversEveryField()
    {
        var variants = new[]
        {
            Rebuilt(Settings with { Q = 1.1 }), Rebuilt(Settings with { QPhi = 1.5 }), Rebuilt(Settings with { Depth = 3 }),
            Rebuilt(Settings with { Harmonics = 129 }), Valid with { Gamma = 0.5 }, Valid with { N = 65 }, Valid with { Batch = 17 },
            Valid with { Eta = 0.3 }, Valid with { Steps = 1001 }, Valid with { Seed = 2 }, Valid with { PointsPerDecade = 11 },
        };
        var prints = variants.Select(v => v.Fingerprint()).Append(Valid.Fingerprint()).ToHashSet();
        Assert.Equal(variants.Length + 1, prints.Count);
        Assert.Equal("v=1;model=MlpCircle;sampler=Fast;task=circle(1,1,128);depth=2;gamma=1;N=64;B=16;eta=0.25;T=1000;ppd=10;seed=1", Valid.CanonicalText());
    }

    [Fact]
    public void PeakMemoryEstimateCoversBothNetworksAndTheGrid()
    {
        var config = SimulationConfig.ForMlpCircle(Settings with { Depth = 3 }, 1.0, 512, 32, 0.25, 10, 1);
        Assert.True(config.EstimatedPeakBytes() >= 8L * 3 * 2 * 512 * 512);
    }

    private static SimulationConfig Rebuilt(MlpCircleSettings settings) => SimulationConfig.ForMlpCircle(settings, 1.0, 64, 16, 0.25, 1000, 1);
}

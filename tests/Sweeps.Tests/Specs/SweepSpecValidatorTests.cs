using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>
/// The validator on spec objects built in code, as the coordinator receives them from a client:
/// the same rules as the parser, paths always indexed, and no disagreement with the numerics.
/// </summary>
public class SweepSpecValidatorTests
{
    private static readonly SweepSpec Valid = new(
        "valid", ModelKind.Projected, [2.0], [0.4], [0.0, 1.0], [64], [null], [0.05], 1000, 1000, [0, 1], 10, null, null);

    private static void Rejects(SweepSpec spec, string field, params string[] contains) =>
        TestSpecs.AssertRejection(() => SweepSpecValidator.Validate(spec, new SweepLimits()), field, contains);

    [Fact]
    public void ValidSpecPasses()
    {
        SweepSpecValidator.Validate(Valid, new SweepLimits());
        SweepSpecValidator.Validate(TestSpecs.Parse(TestSpecs.Valid), new SweepLimits());
    }

    [Fact]
    public void PathsAreIndexedEvenForOneEntry()
    {
        Rejects(Valid with { Alpha = [1.0] }, "alpha[0]", "1 is out of range", "alpha must be a finite number > 1");
    }

    [Fact]
    public void NullMembersFromTheWireAreRejected()
    {
        Rejects(Valid with { Beta = null! }, "beta", "missing (null)", "beta must be a finite number > 0");
        Rejects(Valid with { Name = null! }, "name", "missing (null)");
        Rejects(Valid with { Seeds = null! }, "seeds", "missing (null)");
    }

    [Fact]
    public void UndefinedModelIsRejected()
    {
        Rejects(Valid with { Model = (ModelKind)7 }, "model", "7 is not a model", "\"projected\", \"linear-network\" or \"mlp-circle\"");
    }

    /// <summary>A spec object of model mlp-circle without its task (q, qPhi) is refused naming q (MlpCircleSpecTests has the rest).</summary>
    [Fact]
    public void MlpCircleWithoutItsTaskIsRejected()
    {
        Rejects(Valid with { Model = ModelKind.MlpCircle }, "q", "model \"mlp-circle\" needs its task");
    }

    [Fact]
    public void NaNFromTheWireIsRejected()
    {
        Rejects(Valid with { Eta = [0.05, double.NaN] }, "eta[1]", "NaN is out of range", "eta must be a finite number > 0");
        Rejects(Valid with { CheckpointSeconds = double.PositiveInfinity }, "checkpointSeconds", "Infinity is out of range");
    }

    [Fact]
    public void StepsCapIsTheLowerOfTheLimitAndTheNumerics()
    {
        var generous = new SweepLimits { MaxStepsPerRun = long.MaxValue };

        Assert.Equal(SimulationConfigValidation.MaxSteps, generous.StepsCap);
        TestSpecs.AssertRejection(
            () => SweepSpecValidator.Validate(Valid with { Steps = SimulationConfigValidation.MaxSteps + 1 }, generous),
            "steps", "1000000000001 is out of range", "from 1 to 1000000000000");
    }

    [Fact]
    public void RunCountIsACheckedProduct()
    {
        // 1024^7 = 2^70 runs: an unchecked long product would wrap to 0 and pass the cap.
        double[] doubles = Enumerable.Range(2, 1024).Select(i => (double)i).ToArray();
        var huge = Valid with
        {
            Alpha = doubles, Beta = doubles, Gamma = doubles, Eta = doubles,
            N = Enumerable.Range(1, 1024).ToArray(),
            B = Enumerable.Range(1, 1024).Select(i => (long?)i).ToArray(),
            Seeds = Enumerable.Range(0, 1024).Select(i => (ulong)i).ToArray(),
        };

        Rejects(huge, "$", "= more than 9223372036854775807 runs is out of range", "at most 100000 runs");
    }

    [Fact]
    public void NonsenseLimitsAreAConfigurationErrorNotASpecError()
    {
        var limits = new SweepLimits { MaxRunsPerSweep = 0 };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SweepSpecValidator.Validate(Valid, limits));
        Assert.Contains("ScaleSweep:Limits:MaxRunsPerSweep", e.Message);
    }

    [Fact]
    public void DefaultLimits()
    {
        var limits = new SweepLimits();

        Assert.Equal("ScaleSweep:Limits", SweepLimits.SectionName);
        Assert.Equal(100_000, limits.MaxRunsPerSweep);
        Assert.Equal(2L * 1024 * 1024 * 1024, limits.MaxBytesPerRun);
        Assert.Equal(100_000_000, limits.MaxStepsPerRun);
        Assert.Equal(1L << 20, limits.MaxSpecBytes);
    }

    /// <summary>Values at and beside every bound: the spec's rules and the numerics' check agree on each.</summary>
    public static TheoryData<string, double> Boundaries => new()
    {
        { "alpha", 1.0 }, { "alpha", 1.0000001 }, { "alpha", double.PositiveInfinity },
        { "beta", 0.0 }, { "beta", 1e-300 }, { "beta", double.NaN },
        { "gamma", -1e-300 }, { "gamma", 0.0 }, { "gamma", 1e300 },
        { "gammaLinear", 0.0 }, { "gammaLinear", 1e-300 },
        { "N", 0 }, { "N", 1 }, { "N", SimulationConfigValidation.MaxWidth }, { "N", SimulationConfigValidation.MaxWidth + 1 },
        { "B", 0 }, { "B", 1 },
        { "eta", 0.0 }, { "eta", 1e-300 }, { "eta", double.NegativeInfinity },
        { "M", 0 }, { "M", 1 }, { "M", Numerics.Spectra.SpectrumValidation.MaxModes + 1 },
        { "steps", 0 }, { "steps", 1 },
        { "pointsPerDecade", 0 }, { "pointsPerDecade", SimulationConfigValidation.MaxPointsPerDecade },
        { "pointsPerDecade", SimulationConfigValidation.MaxPointsPerDecade + 1 },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void SpecRulesAgreeWithTheNumerics(string field, double value)
    {
        // One entry, N = 1 and M small keep the memory cap out of the way of the ranges compared here.
        SweepSpec spec = Valid with { Gamma = [0.0], N = [1], M = field == "M" ? (int)value : 8 };
        spec = field switch
        {
            "alpha" => spec with { Alpha = [value] },
            "beta" => spec with { Beta = [value] },
            "gamma" => spec with { Gamma = [value] },
            "gammaLinear" => spec with { Model = ModelKind.LinearNetwork, Gamma = [value] },
            "N" => spec with { N = [(int)value] },
            "B" => spec with { B = [(long)value] },
            "eta" => spec with { Eta = [value] },
            "steps" => spec with { Steps = (long)value },
            "pointsPerDecade" => spec with { PointsPerDecade = (int)value },
            _ => spec,
        };
        var limits = new SweepLimits { MaxBytesPerRun = long.MaxValue };

        bool numericsAccepts = Accepts(() => spec.Grid().Runs[0].Validate());
        bool specAccepts = Accepts(() => SweepSpecValidator.Validate(spec, limits));

        Assert.Equal(numericsAccepts, specAccepts);
    }

    private static bool Accepts(Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (SweepSpecException)
        {
            return false;
        }
    }
}

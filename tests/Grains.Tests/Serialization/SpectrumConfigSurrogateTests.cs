using Orleans.Serialization;
using ScaleSweep.Grains.Abstractions.Serialization;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Tests.Serialization;

/// <summary>
/// A run on a measured task crosses the wire with its spectrum's values and comes back the same run (same fingerprint,
/// so the same run grain and stored result); copies that arrive with equal values share one instance; a sweep spec and
/// a theory request carry the values too.
/// </summary>
public sealed class SpectrumConfigSurrogateTests
{
    private static readonly Serializer Serializer = WireSerializer.Instance;

    private static Spectrum Task()
    {
        double[] lambda = [1.0, 0.3, 0.2, 0.05, 0.01];
        double[] wStar = [0.5, -1.0, 2.0, 0.0, 1.5];
        return Spectrum.FromValues(lambda, wStar, "five modes");
    }

    [Fact]
    public void A_run_on_a_spectrum_round_trips_with_its_values_and_fingerprint()
    {
        var run = new SimulationConfig(ModelKind.Projected, 1.7, 0.4, 5, 1, 4, 2, 0.05, 100, 3) { CustomSpectrum = Task() };

        SimulationConfig back = Serializer.Deserialize<SimulationConfig>(Serializer.SerializeToArray(run))!;

        Assert.Equal(run.Fingerprint(), back.Fingerprint());
        Assert.Equal(Task().Lambda.ToArray(), back.CustomSpectrum!.Lambda.ToArray());
        Assert.Equal(Task().WStar.ToArray(), back.CustomSpectrum.WStar.ToArray());
        Assert.Equal("five modes", back.CustomSpectrum.Description);
        back.Validate();
    }

    [Fact]
    public void Copies_with_equal_values_share_one_spectrum_and_other_values_do_not()
    {
        var run = new SimulationConfig(ModelKind.Projected, 1.7, 0.4, 5, 1, 4, 2, 0.05, 100, 3) { CustomSpectrum = Task() };
        byte[] wire = Serializer.SerializeToArray(run);

        SimulationConfig first = Serializer.Deserialize<SimulationConfig>(wire)!;
        SimulationConfig second = Serializer.Deserialize<SimulationConfig>(wire)!;
        SimulationConfig other = Serializer.Deserialize<SimulationConfig>(Serializer.SerializeToArray(run with
        {
            CustomSpectrum = Spectrum.FromValues([1.0, 0.3, 0.2, 0.05, 0.02], Task().WStar, "other"),
        }))!;

        Assert.Same(first.CustomSpectrum, second.CustomSpectrum);
        Assert.Equal(first, second);
        Assert.NotSame(first.CustomSpectrum, other.CustomSpectrum);
        Assert.NotEqual(first.Fingerprint(), other.Fingerprint());
    }

    [Fact]
    public void A_power_law_run_sends_no_spectrum()
    {
        var run = new SimulationConfig(ModelKind.Projected, 2, 0.4, 100, 1, 16, null, 0.05, 100, 3);

        SimulationConfigSurrogate surrogate = new SimulationConfigConverter().ConvertToSurrogate(run);

        Assert.Null(surrogate.Lambda);
        Assert.Null(surrogate.WStar);
        Assert.Null(Serializer.Deserialize<SimulationConfig>(Serializer.SerializeToArray(run))!.CustomSpectrum);
    }

    [Fact]
    public void A_spec_and_a_theory_request_carry_the_values()
    {
        SpecSpectrum task = SpecSpectrum.Of(Task(), "five.csv", "given");
        SweepSpec spec = new("s", ModelKind.Projected, [1.7], [0.4], [0.0], [4], [2L], [0.05], 5, 100, [0, 1], 10, null, null) { Spectrum = task };

        SweepSpec back = Serializer.Deserialize<SweepSpec>(Serializer.SerializeToArray(spec))!;
        Assert.Equal(spec.Id(), back.Id());
        Assert.Equal(task.Lambda, back.Spectrum!.Lambda);
        Assert.Equal("given", back.Spectrum.LabelsFrom);

        DmftCurveRequest request = new(1.7, 0.4, 5, 0, null, null, 0.05, 100, 10, 5) { Spectrum = task };
        DmftCurveRequest request2 = Serializer.Deserialize<DmftCurveRequest>(Serializer.SerializeToArray(request))!;
        Assert.Equal(request.Key(), request2.Key());
    }
}

using Orleans.Serialization;
using ScaleSweep.Grains.Abstractions.Serialization;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Tests.Serialization;

/// <summary>
/// A run of the MLP on the circle crosses the wire with its q, q_phi, depth and K, and comes back the same run (same
/// fingerprint, so the same run grain and stored result); a run of another model is sent as before, with no MLP fields.
/// </summary>
public sealed class MlpConfigSurrogateTests
{
    private static readonly Serializer Serializer = WireSerializer.Instance;

    [Fact]
    public void An_mlp_run_round_trips_with_its_settings_and_fingerprint()
    {
        var settings = new MlpCircleSettings(0.1 + 1.2, 1.75, 3, 777);
        SimulationConfig run = SimulationConfig.ForMlpCircle(settings, 0.3, 64, 16, 0.125, 5000, 9);

        SimulationConfig back = Serializer.Deserialize<SimulationConfig>(Serializer.SerializeToArray(run))!;

        Assert.Equal(run, back);
        Assert.Equal(settings, back.Mlp);
        Assert.Equal(run.Fingerprint(), back.Fingerprint());
        back.Validate();
    }

    [Fact]
    public void A_projected_run_has_no_mlp_fields_on_the_wire()
    {
        var run = new SimulationConfig(ModelKind.Projected, 2, 0.4, 100, 1, 16, null, 0.05, 100, 3);

        SimulationConfigSurrogate surrogate = new SimulationConfigConverter().ConvertToSurrogate(run);

        Assert.Null(surrogate.Q);
        Assert.Null(surrogate.QPhi);
        Assert.Null(surrogate.Depth);
        Assert.Equal(run, Serializer.Deserialize<SimulationConfig>(Serializer.SerializeToArray(run)));
    }

    [Fact]
    public void An_mlp_sweep_spec_round_trips_with_its_axes()
    {
        SweepSpec spec = SweepSpecParser.Parse(
            """{"name": "m", "model": "mlp-circle", "q": [1, 2], "qPhi": 1, "gamma0": 1, "depth": 3, "K": 100, "N": 8, "B": 4, "steps": 10, "seeds": 1}""",
            new SweepLimits());

        SweepSpec back = Serializer.Deserialize<SweepSpec>(Serializer.SerializeToArray(spec))!;

        Assert.Equal(spec.Id(), back.Id());
        Assert.Equal(spec.Mlp!.Q, back.Mlp!.Q);
        Assert.Equal((3, 100), (back.Mlp.Depth, back.Mlp.Harmonics));
    }
}

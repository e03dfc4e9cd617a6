using Orleans.Serialization;
using ScaleSweep.Grains.Abstractions.Serialization;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Grains.Tests.Serialization;

/// <summary>
/// The numerics library's curves cross the wire and land in storage through surrogates: every field comes
/// back, every double bit for bit (including values a decimal format would round).
/// </summary>
public sealed class CurveSurrogateTests
{
    private static readonly Serializer Serializer = WireSerializer.Instance;

    private static readonly double[] Awkward = [0.1 + 0.2, Math.PI, double.Epsilon, 1e-310, double.MaxValue];

    [Fact]
    public void A_loss_curve_round_trips_bit_for_bit()
    {
        var curve = new LossCurve([0, 1, 10, 100, 1000], Awkward, [1.5, 2.5, 3.5, 4.5, 5.5]);

        LossCurve back = Serializer.Deserialize<LossCurve>(Serializer.SerializeToArray(curve))!;

        Assert.Equal(curve.Steps, back.Steps);
        Assert.Equal(Bits(curve.Loss), Bits(back.Loss));
        Assert.Equal(Bits(curve.WeightNormPerWidth), Bits(back.WeightNormPerWidth));
    }

    [Fact]
    public void A_dmft_curve_round_trips_every_field()
    {
        var curve = new DmftCurve([0, 1, 10, 100, 1000], Awkward, [0.5, 0.25, 0.125, 1e-300, 2.0], 48, true, 1234, 3, 1e-13, "dmft-finite (eq. 26-31)")
        {
            TimeGrid = "geometric, 100 points per decade from t0 = 1000",
            StepStabilityLimit = 139_256,
        };

        DmftCurve back = Serializer.Deserialize<DmftCurve>(Serializer.SerializeToArray(curve))!;

        Assert.Equal(curve.Steps, back.Steps);
        Assert.Equal(Bits(curve.Loss), Bits(back.Loss));
        Assert.Equal(Bits(curve.WeightNormPerWidth), Bits(back.WeightNormPerWidth));
        Assert.Equal(
            (curve.ModesUsed, curve.ModesExact, curve.TimePoints, curve.Iterations, curve.Residual, curve.Solver, curve.TimeGrid, curve.StepStabilityLimit),
            (back.ModesUsed, back.ModesExact, back.TimePoints, back.Iterations, back.Residual, back.Solver, back.TimeGrid, back.StepStabilityLimit));
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}

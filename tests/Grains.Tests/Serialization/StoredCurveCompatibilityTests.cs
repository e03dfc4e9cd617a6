using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ScaleSweep.Grains.Runs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Serialization;

/// <summary>
/// Runs stored by earlier versions stay readable: the stored curve keeps the encoding of the record it was
/// (this file keeps a copy of that record), so an upgrade reads every stored run back whole. A struct
/// surrogate in its place reads such blobs as empty curves, silently: this test exists for that reason.
/// </summary>
public sealed class StoredCurveCompatibilityTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(RunCurveState).Assembly).AddAssembly(typeof(StoredCurveCompatibilityTests).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void A_stored_curve_is_encoded_as_earlier_versions_wrote_it()
    {
        long[] steps = [0, 1, 10, 100];
        double[] loss = [1.0, 0.1 + 0.2, Math.PI, 1e-310];
        double[] norm = [0.0, 0.5, 0.25, 2.0];

        byte[] earlier = Serializer.SerializeToArray(new EarlierRunCurveState { Curve = new EarlierRunCurve(steps, loss, norm) });
        byte[] now = Serializer.SerializeToArray(new RunCurveState { Curve = StoredLossCurve.From(new LossCurve(steps, loss, norm)) });

        Assert.Equal(Convert.ToHexString(earlier), Convert.ToHexString(now));
        LossCurve back = Serializer.Deserialize<RunCurveState>(earlier)!.Curve!.ToLossCurve();
        Assert.Equal(steps, back.Steps);
        Assert.Equal(loss.Select(BitConverter.DoubleToInt64Bits), back.Loss.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(norm, back.WeightNormPerWidth);
    }
}

/// <summary>The stored run curve of earlier versions (ScaleSweep.Grains.Abstractions.Runs.RunCurve), as it was.</summary>
[GenerateSerializer, Immutable]
public sealed record EarlierRunCurve(
    [property: Id(0)] long[] Steps,
    [property: Id(1)] double[] Loss,
    [property: Id(2)] double[] WeightNormPerWidth);

/// <summary>The curve state of earlier versions' run grains, as it was.</summary>
[GenerateSerializer]
public sealed class EarlierRunCurveState
{
    [Id(0)] public EarlierRunCurve? Curve { get; set; }
}

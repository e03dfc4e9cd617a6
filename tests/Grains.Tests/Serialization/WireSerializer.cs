using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ScaleSweep.Grains.Abstractions.Serialization;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Tests.Serialization;

/// <summary>Orleans' serializer with the wire types of the grain interfaces and the sweep domain, as a silo has them.</summary>
internal static class WireSerializer
{
    public static Serializer Instance { get; } = new ServiceCollection()
        .AddSerializer(builder => builder
            .AddAssembly(typeof(SimulationConfigConverter).Assembly)
            .AddAssembly(typeof(SweepSpec).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary><paramref name="value"/> serialized and read back.</summary>
    public static T RoundTrip<T>(T value) => Instance.Deserialize<T>(Instance.SerializeToArray(value))!;
}

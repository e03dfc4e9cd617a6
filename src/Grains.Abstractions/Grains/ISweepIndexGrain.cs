using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>The list of every sweep ever submitted to the cluster (a single grain, key 0).</summary>
public interface ISweepIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a sweep; adding one twice keeps the first entry.</summary>
    Task Add(SweepSummary sweep);

    /// <summary>Every sweep, newest first.</summary>
    Task<SweepSummary[]> List();
}

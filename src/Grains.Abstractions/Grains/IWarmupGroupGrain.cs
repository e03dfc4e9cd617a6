using Orleans.Concurrency;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// A scratch group of a starting silo's warm-up across its cluster, keyed by <see cref="WarmupKeys"/>: asks
/// its runs of scratch run grains (<see cref="IWarmupRunGrain"/>), gathers them from the same one-way
/// notifications a group gets, aggregates them as a group does, and writes its aggregate to the sweeps'
/// blob storage and deletes it again. Nothing of it outlives the warm-up.
/// </summary>
public interface IWarmupGroupGrain : IGrainWithStringKey
{
    /// <summary>Asks every run of group <paramref name="group"/> of <paramref name="spec"/>; returns once each run answered.</summary>
    Task<GroupProgress> Start(SweepSpec spec, int group);

    /// <summary>Where the group stands; done once its aggregate was written and deleted.</summary>
    [AlwaysInterleave]
    Task<GroupProgress> GetProgress();

    /// <summary>As <see cref="IGroupGrain.OnRunFinished"/>.</summary>
    [OneWay]
    Task OnRunFinished(RunProgress progress, LossCurve? curve);

    /// <summary>As <see cref="IGroupGrain.OnRunStarted"/>.</summary>
    [OneWay]
    Task OnRunStarted(RunProgress progress);
}

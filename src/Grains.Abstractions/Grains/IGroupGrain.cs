using Orleans.Concurrency;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// One group of a sweep (a grid point with all its seeds), keyed by <see cref="GroupKeys"/>: hands its
/// runs to their grains within the budget its sweep gives it, gathers their curves as they finish,
/// aggregates them in seed order once all are final and stores that aggregate once, so the sweep's report
/// reads one aggregate per group and never every run.
/// </summary>
public interface IGroupGrain : IGrainWithStringKey
{
    /// <summary>
    /// Lets the group keep up to <paramref name="budget"/> runs in flight (0: start no more) and returns where
    /// it stands; the sweep's poll. A group that was cancelled continues its cancelled runs when it gets a budget again.
    /// </summary>
    Task<GroupProgress> SetBudget(int budget);

    /// <summary>The sweep was cancelled: the group releases its runs in flight (their checkpoints stay).</summary>
    Task<GroupProgress> Cancel();

    /// <summary>Where the group stands, without changing anything.</summary>
    [AlwaysInterleave]
    Task<GroupProgress> GetProgress();

    /// <summary>A run grain reports that one of the group's runs is final, with its curve when it has one.</summary>
    [OneWay]
    Task OnRunFinished(RunProgress progress, LossCurve? curve);

    /// <summary>A run grain reports that one of the group's runs left its silo's queue for a worker slot.</summary>
    [OneWay]
    Task OnRunStarted(RunProgress progress);

    /// <summary>
    /// Another sweep's group takes runs from this group's partition (<see cref="IPartitionGrain"/>): from
    /// now on the group tells no run grain its row is absent. Returns once no request that said so is in flight.
    /// </summary>
    [AlwaysInterleave]
    Task OnPartitionShared();
}

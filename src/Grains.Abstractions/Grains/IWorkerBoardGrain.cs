using Orleans.Concurrency;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// The cluster's notice board of worker pools (one grain, key 0): each silo posts its pool's size and
/// load every second, and reads everyone's back. Its state is soft: a new activation fills up again
/// within a second of the next posts.
/// </summary>
public interface IWorkerBoardGrain : IGrainWithIntegerKey
{
    /// <summary>Posts one silo's load and returns the load of every live silo.</summary>
    Task<WorkerLoad[]> Post(WorkerLoad load);

    /// <summary>The load of every live silo, for `scalesweep silos`: reads, posts nothing.</summary>
    [AlwaysInterleave]
    Task<WorkerLoad[]> Read();
}

using System.Diagnostics;
using System.Runtime;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Results;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Warmup;

/// <summary>
/// The second part of a starting silo's warm-up (<see cref="SiloWarmup"/>), once it is active in its cluster:
/// rounds of a tiny scratch sweep sent through the cluster and its storage as a sweep's groups and runs go
/// (<see cref="IWarmupGroupGrain"/>, <see cref="IWarmupRunGrain"/>): activations placed on every silo, the
/// requests and one-way notifications between them, the results table's batched writes, a group record's
/// blob write and delete. A fresh silo otherwise compiles that code (Orleans' messaging and serialization,
/// sockets, the storage client) in its first sweep, beside the other silos computing on the same cores.
/// Each round has a partition of its own (<see cref="WarmupKeys"/>), deleted when the round is done.
/// </summary>
internal sealed class ClusterWarmup
{
    private readonly IGrainFactory _grains;
    private readonly RunResultTable _rows;

    // 32 runs a group: enough calls of each kind per round for the runtime to count them hot and replace them
    // with optimized code in the pause after it.
    private const int SeedsPerGroup = 32;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly SweepSpec _spec = WarmupSpec.WithSeeds(SeedsPerGroup);
    private readonly int _groups;

    public ClusterWarmup(IGrainFactory grains, RunResultTable rows)
    {
        _grains = grains;
        _rows = rows;
        _groups = _spec.Grid().Groups.Count;
    }

    /// <summary>Runs in one round.</summary>
    public int RunsPerRound => checked((int)_spec.RunCount);

    /// <summary>
    /// One round: every group started, followed until each is done or <paramref name="deadline"/> passes, its
    /// rows deleted.
    /// </summary>
    /// <returns>Whether every group was done in time.</returns>
    public async Task<bool> RoundAsync(Guid warmup, int round, Stopwatch clock, TimeSpan deadline, CancellationToken cancellationToken)
    {
        string partition = WarmupKeys.NewPartition(warmup, round);
        var groups = new IWarmupGroupGrain[_groups];
        var started = new Task<GroupProgress>[_groups];
        for (int g = 0; g < _groups; g++)
        {
            groups[g] = _grains.GetGrain<IWarmupGroupGrain>(WarmupKeys.Group(partition, g));
            started[g] = groups[g].Start(_spec, g);
        }

        bool done = false;
        try
        {
            await Task.WhenAll(started).WaitAsync(Remaining(clock, deadline), cancellationToken);
            while (!done && clock.Elapsed < deadline)
            {
                await Task.Delay(Poll, cancellationToken);
                GroupProgress[] progress = await Task.WhenAll(groups.Select(g => g.GetProgress())).WaitAsync(Remaining(clock, deadline), cancellationToken);
                done = progress.All(p => p.Done);
            }
        }
        catch (TimeoutException)
        {
            // The round did not finish in the warm-up's time; its rows are deleted all the same.
        }
        finally
        {
            // Runs still in flight may add rows after this: a later round's delete does not see them, and the
            // rows stay, as running rows of a partition no sweep reads.
            await _rows.DeletePartitionAsync(partition, CancellationToken.None);
        }

        return done;
    }

    private static TimeSpan Remaining(Stopwatch clock, TimeSpan deadline)
    {
        TimeSpan left = deadline - clock.Elapsed;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}

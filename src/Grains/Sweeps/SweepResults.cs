using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Groups;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>A finished sweep's results for its report: its groups' stored outcomes and its theory curves.</summary>
internal static class SweepResults
{
    // Group records read at once.
    private const int Parallel = 64;

    /// <summary>
    /// Reads every group's stored outcome, in grid order, straight from storage: a sweep of 100,000 groups
    /// activates none of them for its report.
    /// </summary>
    /// <exception cref="InvalidOperationException">A group has no stored outcome (it is not done).</exception>
    public static async Task<GroupOutcome[]> GatherGroups(IServiceProvider services, IGrainFactory grains, string sweepId, int groups)
    {
        IGrainStorage storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sweeps);
        var outcomes = new GroupOutcome[groups];
        using var gate = new SemaphoreSlim(Parallel);
        await Task.WhenAll(Enumerable.Range(0, groups).Select(async g =>
        {
            await gate.WaitAsync();
            try
            {
                outcomes[g] = await ReadGroup(storage, grains, sweepId, g);
            }
            finally
            {
                gate.Release();
            }
        }));

        return outcomes;
    }

    /// <summary>
    /// Reads one group's stored outcome straight from storage, without activating the group grain: a
    /// client asking for the per-seed curves of every group of a large sweep wakes none of them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The group has no stored outcome (it is not done).</exception>
    public static Task<GroupOutcome> ReadGroup(IServiceProvider services, IGrainFactory grains, string sweepId, int group) =>
        ReadGroup(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sweeps), grains, sweepId, group);

    private static async Task<GroupOutcome> ReadGroup(IGrainStorage storage, IGrainFactory grains, string sweepId, int group)
    {
        var record = new GrainState<GroupRecord>(new GroupRecord());
        GrainId id = grains.GetGrain<IGroupGrain>(GroupKeys.Of(sweepId, group)).GetGrainId();
        await storage.ReadStateAsync("group", id, record);
        return record.State?.Outcome ?? throw new InvalidOperationException($"Group {group} of sweep {sweepId} has no stored outcome.");
    }

    /// <summary>Asks every theory curve grain for its result; those without one are left out.</summary>
    public static async Task<DmftCurveResult[]> GatherTheory(IGrainFactory grains, SweepDmftCurves theory) =>
        (await Task.WhenAll(theory.All.Select(r => grains.GetGrain<IDmftCurveGrain>(r.Key()).GetResult()))).OfType<DmftCurveResult>().ToArray();
}

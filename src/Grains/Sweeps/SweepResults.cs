using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>A finished sweep's results, gathered from its run and curve grains for its report.</summary>
internal static class SweepResults
{
    // Run grains asked at once: a large sweep's results come in slices, not in one fan-out.
    private const int Batch = 64;

    /// <summary>Asks every run grain (in grid order) and curve grain for its result; those without one are left out.</summary>
    public static async Task<(List<RunResult> Runs, DmftCurveResult[] Curves)> Gather(IGrainFactory grains, RunTable runs, SweepDmftCurves theory)
    {
        var results = new List<RunResult>(runs.Count);
        foreach (string[] keys in runs.Keys.Chunk(Batch))
        {
            results.AddRange((await Task.WhenAll(keys.Select(k => grains.GetGrain<IRunGrain>(k).GetResult()))).OfType<RunResult>());
        }

        DmftCurveResult[] curves = (await Task.WhenAll(theory.All.Select(r => grains.GetGrain<IDmftCurveGrain>(r.Key()).GetResult()))).OfType<DmftCurveResult>().ToArray();
        return (results, curves);
    }
}

using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Cluster;

/// <summary>
/// Runs fanned out by one coordinator spread over every silo. Orleans' random placement put 5 of 6
/// runs on one silo in a trial, and activation-count placement put them all on the coordinator's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlacementTests
{
    [Fact]
    public async Task RunsOfOneSweepSpreadEvenlyOverTheSilos()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 3, workers: 1);


        // 12 runs of 3 s each on 3 single-slot silos: an even spread puts 4 on each.
        SweepSpec spec = Specs.Small("spread", steps: 300_000, seeds: [0, 1, 2], widths: [16, 24]);
        Assert.Equal(ScaleSweep.Sweeps.Coordination.SweepState.Completed, (await cluster.RunToEndAsync(spec)).State);

        // The silo that computed each run is stored with it (a final run's grain deactivates).
        var seen = new Dictionary<string, string>();
        foreach (SimulationConfig config in spec.Grid().Runs)
        {
            RunProgress progress = (await cluster.Run(config).GetResult(config))!.Progress;
            seen[progress.Key] = progress.Silo!;
        }

        int[] perSilo = seen.Values.GroupBy(s => s).Select(g => g.Count()).ToArray();
        Assert.Equal(3, perSilo.Length);

        // Load-aware placement may shift a run when one silo finishes early; a fair spread is within one of 4.
        Assert.All(perSilo, count => Assert.InRange(count, 3, 5));
    }
}

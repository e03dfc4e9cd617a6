using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Grains.Tests.Cluster;

/// <summary>
/// Sweeps with "theory" on a real two-silo cluster: the report holds DMFT curves bit-identical to the
/// solver called directly, a curve shared by groups or sweeps is solved once, and cancel stops a solve.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TheoryClusterTests
{
    [Fact]
    public async Task MatchedTheoryCurvesEqualTheSolverBitForBitAndAreLinkedToTheirGroups()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2);

        // 4 groups (gamma 0, 1 x N 16, 32; B = 32): 4 finite-width curves of 16 modes to T = 200.
        SweepSpec spec = Specs.Small("matched", steps: 200) with { Theory = new TheorySpec(TheoryWidth.Matched, Modes: 16) };
        SweepStatus status = await cluster.RunToEndAsync(spec);

        Assert.Equal(SweepState.Completed, status.State);
        Assert.Equal((4, 4), (status.TheoryDone, status.TheoryTotal));
        SweepReport report = (await cluster.Sweep(spec).GetReport())!;
        Assert.Equal(4, report.TheoryCurves.Length);
        foreach (GroupReport group in report.Groups)
        {
            DmftCurveReport curve = report.TheoryCurves.Single(c => c.Key == group.TheoryCurve);
            var settings = new DmftSettings(2.0, 0.4, 200, group.Config.Gamma, group.Config.N, 32, 0.05, 200);
            DmftCurve direct = DmftSolver.Solve(settings, new DmftOptions { Modes = 16, PointsPerDecade = 10 });
            Assert.Equal("completed", curve.Status);
            Assert.Equal(direct.Solver, curve.Solver);
            Assert.Equal(direct.Steps, curve.Steps);
            Assert.Equal(direct.Loss, curve.Loss); // exact: Assert.Equal on double[] compares bits of finite values
            Assert.Equal(direct.ModesUsed, curve.ModesUsed);
            Assert.Equal(group.Steps, curve.Steps); // the runs' log grid, point by point
        }

        Assert.Equal(4, TheorySolved(cluster));
    }

    [Fact]
    public async Task AnInfiniteCurveSharedByGroupsAndSweepsIsSolvedOnce()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2);

        // Both sweeps have 4 groups (gamma 0, 1 x N 16, 32) but only 2 infinite-width curves (gamma 0, 1).
        SweepSpec first = Specs.Small("first", steps: 300, seeds: [0]) with { Theory = new TheorySpec(TheoryWidth.Infinite, Modes: 32) };
        SweepSpec second = Specs.Small("second", steps: 300, seeds: [1]) with { Theory = new TheorySpec(TheoryWidth.Infinite, Modes: 32) };
        SweepStatus[] statuses = await Task.WhenAll(cluster.RunToEndAsync(first), cluster.RunToEndAsync(second));

        Assert.All(statuses, s => Assert.Equal((SweepState.Completed, 2, 2), (s.State, s.TheoryDone, s.TheoryTotal)));
        Assert.Equal(2, TheorySolved(cluster));
        SweepReport a = (await cluster.Sweep(first).GetReport())!;
        SweepReport b = (await cluster.Sweep(second).GetReport())!;
        Assert.Equal(a.TheoryCurves.Select(c => c.Key), b.TheoryCurves.Select(c => c.Key));
        Assert.Equal(2, a.Groups.Select(g => g.TheoryCurve).Distinct().Count());
        foreach (DmftCurveReport curve in a.TheoryCurves)
        {
            var settings = new DmftSettings(2.0, 0.4, 200, curve.Config.Gamma, double.PositiveInfinity, double.PositiveInfinity, 0.05, 300);
            Assert.Equal(DmftSolver.Solve(settings, new DmftOptions { Modes = 32 }).Loss, curve.Loss);
            Assert.Equal(curve.Loss, b.TheoryCurves.Single(c => c.Key == curve.Key).Loss);
        }

        // A third sweep asking for the same curves gets them from storage at once.
        SweepSpec third = Specs.Small("third", steps: 300, seeds: [0], widths: [16]) with { Theory = new TheorySpec(TheoryWidth.Infinite, Modes: 32) };
        Assert.Equal(SweepState.Completed, (await cluster.RunToEndAsync(third)).State);
        Assert.Equal(2, TheorySolved(cluster));
    }

    [Fact]
    public async Task CancellingASweepStopsItsTheorySolve()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 1, workers: 2);

        // An infinite-width curve of all M = 200 modes to T = 30,000 takes about a minute, far longer than this test.
        SweepSpec spec = Specs.Small("cancel", steps: 30_000, seeds: [0], widths: [16]) with
        {
            Gamma = [1.0],
            Theory = new TheorySpec(TheoryWidth.Infinite, Modes: 4096),
        };
        DmftCurveRequest request = DmftCurvePlan.Requests(spec).Single();
        ISweepGrain sweep = await cluster.SubmitAsync(spec);
        IDmftCurveGrain theory = cluster.Client.GetGrain<IDmftCurveGrain>(request.Key());
        await Poll.UntilAsync(async () => (await theory.GetProgress()).Status == DmftCurveStatus.Solving);

        SweepStatus cancelled = await sweep.Cancel();

        Assert.Equal(SweepState.Cancelled, cancelled.State);
        await Poll.UntilAsync(async () => (await theory.GetProgress()).Status == DmftCurveStatus.Cancelled);
        WorkerPool pool = cluster.SiloServices<WorkerPool>().Single();
        await Poll.UntilAsync(() => Task.FromResult(pool.Running == 0));
        Assert.Equal(0, TheorySolved(cluster));
    }

    private static long TheorySolved(TestClusterHandle cluster) =>
        cluster.SiloServices<WorkerPool>().Sum(p => p.Completed<DmftJob>());
}

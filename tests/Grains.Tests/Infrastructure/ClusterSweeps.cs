using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>What the cluster tests do with a sweep on a test cluster: submit it, follow it, check its runs.</summary>
public static class ClusterSweeps
{
    /// <summary>The sweep's coordinator.</summary>
    public static ISweepGrain Sweep(this TestClusterHandle cluster, SweepSpec spec) => cluster.Client.GetGrain<ISweepGrain>(spec.Id());

    /// <summary>The run's grain.</summary>
    public static IRunGrain Run(this TestClusterHandle cluster, SimulationConfig config) => cluster.Client.GetGrain<IRunGrain>(config.Fingerprint());

    /// <summary>Submits the spec; returns its coordinator.</summary>
    public static async Task<ISweepGrain> SubmitAsync(this TestClusterHandle cluster, SweepSpec spec)
    {
        ISweepGrain sweep = cluster.Sweep(spec);
        await sweep.Submit(spec);
        return sweep;
    }

    /// <summary>Submits the spec and returns its status once it no longer runs (or, still running, after <see cref="Poll.DefaultTimeout"/>).</summary>
    public static async Task<SweepStatus> RunToEndAsync(this TestClusterHandle cluster, SweepSpec spec)
    {
        ISweepGrain sweep = cluster.Sweep(spec);
        return await WhileRunningAsync(sweep, await sweep.Submit(spec));
    }

    /// <summary>The sweep's status once it no longer runs (or, still running, after <see cref="Poll.DefaultTimeout"/>): the caller asserts the state.</summary>
    public static async Task<SweepStatus> WhileRunningAsync(ISweepGrain sweep, SweepStatus? current = null)
    {
        SweepStatus status = current ?? await sweep.GetStatus();
        DateTime deadline = DateTime.UtcNow + Poll.DefaultTimeout;
        while (status.State == SweepState.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            status = await sweep.GetStatus();
        }

        return status;
    }

    /// <summary>
    /// Runs the spec on a one-silo cluster until the runs have done <paramref name="stepsBeforeStop"/> steps, shuts that
    /// cluster down mid-sweep, starts a new one on the same storage, and follows the resumed sweep to its end; asserts
    /// the sweep was indeed interrupted and completes, and returns the resumed cluster for the caller's checks.
    /// </summary>
    public static async Task<TestClusterHandle> InterruptAndResumeAsync(SweepSpec spec, long stepsBeforeStop)
    {
        string prefix = Azurite.NewPrefix();
        await using (TestClusterHandle running = await TestClusterHandle.StartAsync(silos: 1, workers: 2, prefix: prefix))
        {
            ISweepGrain submitted = await running.SubmitAsync(spec);
            await Poll.UntilAsync(async () => (await submitted.GetStatus()).StepsDone > stepsBeforeStop);
        }

        TestClusterHandle resumed = await TestClusterHandle.StartAsync(silos: 1, workers: 2, prefix: prefix);
        ISweepGrain again = resumed.Sweep(spec);
        SweepStatus status = await again.GetStatus();
        Assert.True(status.Runs.Finished < status.Runs.Total, "the sweep finished before it was interrupted: make the runs longer");
        Assert.Equal(SweepState.Completed, (await WhileRunningAsync(again)).State);
        return resumed;
    }

    /// <summary>Every run of the spec is stored with the curve the numerics library computes directly, bit for bit.</summary>
    public static async Task AssertBitIdenticalToDirectRunsAsync(this TestClusterHandle cluster, SweepSpec spec)
    {
        foreach (SimulationConfig config in spec.Grid().Runs)
        {
            RunResult? result = await cluster.Run(config).GetResult(config);
            Assert.NotNull(result?.Curve);
            ISimulation direct = DirectRun(config);
            Assert.Equal(direct.Curve.Steps, result.Curve.Steps);
            Assert.Equal(direct.Curve.Loss, result.Curve.Loss); // exact: Assert.Equal on double[] compares bits of finite values
            Assert.Equal(direct.Curve.TrainLoss, result.Curve.TrainLoss); // empty online; on finite data the train loss too
        }
    }

    /// <summary>The run computed by the numerics library, without a cluster: what the cluster must store.</summary>
    public static ISimulation DirectRun(SimulationConfig config)
    {
        ISimulation direct = SimulationFactory.Create(config);
        direct.Advance(config.Steps);
        return direct;
    }
}

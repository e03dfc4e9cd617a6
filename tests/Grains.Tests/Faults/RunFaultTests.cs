using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Orleans.TestingHost;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Tests.Cluster;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Tests.Faults;

/// <summary>Runs that throw, diverge, or come back to a corrupt checkpoint never produce a wrong curve, and the sweep goes on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunFaultTests
{
    [Fact]
    public async Task ARunThatThrowsIsRetriedThenMarkedFailedWithItsReasonAndTheSweepCompletes()
    {
        TestCluster cluster = await ClusterFactory.StartAsync<FaultySiloConfigurator>(silos: 2);
        try
        {
            SweepSpec spec = Specs.Small("faulty", seeds: [FaultySiloConfigurator.AlwaysFails, FaultySiloConfigurator.FailsOnce, 7], widths: [16]);
            SweepStatus status = await SweepClusterTests.RunToEnd(cluster, spec);

            Assert.Equal(SweepState.Completed, status.State);
            Assert.Equal(2, status.Runs.Failed); // seed 101 at gamma 0 and 1: three attempts each, then failed
            Assert.Equal(4, status.Runs.Completed); // seed 102 succeeds on its retry, seed 7 at once
            SweepReport report = (await cluster.Client.GetGrain<ISweepGrain>(spec.Id()).GetReport())!;
            Assert.Equal(2, report.Issues.Length);
            Assert.All(report.Issues, issue =>
            {
                Assert.Equal(FaultySiloConfigurator.AlwaysFails, issue.Seed);
                Assert.Equal("failed", issue.Status);
                Assert.Contains("injected fault", issue.Error);
            });
            Assert.All(report.Groups, g => Assert.Equal(2, g.Seeds)); // the failed seed is left out of every mean
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task DivergingRunsAreCountedListedWithTheirStepAndLeftOutOfTheFits()
    {
        TestCluster cluster = await ClusterFactory.StartAsync(silos: 2);
        try
        {
            // eta = 4 with gamma = 1 and B = 32 blows up within a few hundred steps (see the learning-rate note in docs/numerics.md).
            SweepSpec spec = Specs.Small("diverge", widths: [16]) with { Gamma = [1.0], Eta = [0.05, 4.0] };
            SweepStatus status = await SweepClusterTests.RunToEnd(cluster, spec);

            Assert.Equal(SweepState.Completed, status.State);
            Assert.Equal(2, status.Runs.Diverged);
            SweepReport report = (await cluster.Client.GetGrain<ISweepGrain>(spec.Id()).GetReport())!;
            GroupReport blown = Assert.Single(report.Groups, g => g.Config.Eta == 4.0);
            Assert.Equal(0, blown.Seeds);
            Assert.Equal(2, blown.Diverged);
            Assert.Null(blown.Fit);
            Assert.NotNull(Assert.Single(report.Groups, g => g.Config.Eta == 0.05).Fit);
            Assert.All(report.Issues, issue =>
            {
                Assert.Equal("diverged", issue.Status);
                Assert.InRange(issue.DivergedAtStep!.Value, 1, spec.Steps - 1);
            });
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACorruptOrUnreadableCheckpointIsDiscardedAndTheRunRestartsFromStepZeroToTheSameCurve()
    {
        string prefix = Azurite.NewPrefix();
        // Two runs of the same cost (seeds 0 and 1, rich), so neither is done when the cluster stops.
        SweepSpec spec = Specs.Small("corrupt", steps: 600_000, seeds: [0, 1], widths: [16], checkpointSeconds: 0.2) with { Gamma = [1.0] };
        TestCluster first = await ClusterFactory.StartAsync(silos: 1, workers: 2, prefix: prefix);
        try
        {
            ISweepGrain sweep = first.Client.GetGrain<ISweepGrain>(spec.Id());
            await sweep.Submit(spec);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!await BothPastStep(first, spec, 50_000))
            {
                Assert.True(DateTime.UtcNow < deadline, "the runs did not get going");
                await Task.Delay(100);
            }
        }
        finally
        {
            // A graceful stop stores a final checkpoint of both runs.
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        // Run 0: one byte flipped inside the snapshot, so its SHA-256 fails. Run 1: not even a blob Orleans can decode.
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient($"{prefix}-checkpoints");
        IReadOnlyList<SimulationConfig> runs = spec.Grid().Runs;
        BlobItem[] blobs = container.GetBlobs().ToArray();
        BlobClient flipped = container.GetBlobClient(Assert.Single(blobs, b => b.Name.Contains(runs[0].Fingerprint())).Name);
        byte[] bytes = (await flipped.DownloadContentAsync()).Value.Content.ToArray();
        bytes[bytes.Length / 2] ^= 0x5A;
        await flipped.UploadAsync(new BinaryData(bytes), overwrite: true);
        BlobClient garbage = container.GetBlobClient(Assert.Single(blobs, b => b.Name.Contains(runs[1].Fingerprint())).Name);
        await garbage.UploadAsync(new BinaryData("not a checkpoint"u8.ToArray()), overwrite: true);

        LogCapture.Messages.Clear();
        TestCluster second = await ClusterFactory.StartAsync<CapturingSiloConfigurator>(silos: 1, workers: 2, prefix: prefix);
        try
        {
            ISweepGrain sweep = second.Client.GetGrain<ISweepGrain>(spec.Id());
            await sweep.Resume();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while ((await sweep.GetStatus()).State == SweepState.Running)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the sweep did not finish: {await sweep.GetStatus()}; logs: {string.Join(" | ", LogCapture.Messages.Where(m => !m.Contains("Polly") && !m.Contains("Execution attempt") && !m.Contains("Resilience")).TakeLast(15))}");
                await Task.Delay(200);
            }

            Assert.Equal(SweepState.Completed, (await sweep.GetStatus()).State);
            await SweepLifecycleTests.AssertBitIdenticalToDirectRuns(second, spec);
            Assert.Contains(LogCapture.Messages, m => m.Contains(runs[0].Fingerprint()) && m.Contains("is corrupt"));
            Assert.Contains(LogCapture.Messages, m => m.Contains(runs[1].Fingerprint()) && m.Contains("cannot be read"));
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    private static async Task<bool> BothPastStep(TestCluster cluster, SweepSpec spec, long step)
    {
        foreach (SimulationConfig run in spec.Grid().Runs)
        {
            if ((await cluster.Client.GetGrain<IRunGrain>(run.Fingerprint()).GetProgress()).Step < step)
            {
                return false;
            }
        }

        return true;
    }
}

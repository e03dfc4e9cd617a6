using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;
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
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync<FaultySiloConfigurator>(silos: 2);
        SweepSpec spec = Specs.Small("faulty", seeds: [FaultySiloConfigurator.AlwaysFails, FaultySiloConfigurator.FailsOnce, 7], widths: [16]);
        SweepStatus status = await cluster.RunToEndAsync(spec);

        Assert.Equal(SweepState.Completed, status.State);
        Assert.Equal(2, status.Runs.Failed); // seed 101 at gamma 0 and 1: three attempts each, then failed
        Assert.Equal(4, status.Runs.Completed); // seed 102 succeeds on its retry, seed 7 at once
        SweepReport report = (await cluster.Sweep(spec).GetReport())!;
        Assert.Equal(2, report.Issues.Length);
        Assert.All(report.Issues, issue =>
        {
            Assert.Equal(FaultySiloConfigurator.AlwaysFails, issue.Seed);
            Assert.Equal("failed", issue.Status);
            Assert.Contains("injected fault", issue.Error);
        });
        Assert.All(report.Groups, g => Assert.Equal(2, g.Seeds)); // the failed seed is left out of every mean
    }

    [Fact]
    public async Task DivergingRunsAreCountedListedWithTheirStepAndLeftOutOfTheFits()
    {
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 2);

        // eta = 4 with gamma = 1 and B = 32 blows up within a few hundred steps (see the learning-rate note in docs/numerics.md).
        SweepSpec spec = Specs.Small("diverge", widths: [16]) with { Gamma = [1.0], Eta = [0.05, 4.0] };
        SweepStatus status = await cluster.RunToEndAsync(spec);

        Assert.Equal(SweepState.Completed, status.State);
        Assert.Equal(2, status.Runs.Diverged);
        SweepReport report = (await cluster.Sweep(spec).GetReport())!;
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

    [Fact]
    public async Task ACorruptOrUnreadableCheckpointIsDiscardedAndTheRunRestartsFromStepZeroToTheSameCurve()
    {
        string prefix = Azurite.NewPrefix();
        // Two runs of the same cost (seeds 0 and 1, rich), so neither is done when the cluster stops.
        SweepSpec spec = Specs.Small("corrupt", steps: 600_000, seeds: [0, 1], widths: [16], checkpointSeconds: 0.2) with { Gamma = [1.0] };

        // A graceful stop at the end of the block stores a final checkpoint of both runs.
        await using (TestClusterHandle first = await TestClusterHandle.StartAsync(silos: 1, workers: 2, prefix: prefix))
        {
            await first.SubmitAsync(spec);
            await Poll.UntilAsync(() => BothPastStep(first, spec, 50_000), TimeSpan.FromSeconds(60), () => Task.FromResult("the runs did not get going"));
        }

        // Run 0: one byte flipped inside the snapshot, so its SHA-256 fails. Run 1: not even a blob Orleans can decode.
        BlobContainerClient container = StorageAccount.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString }).BlobService.GetBlobContainerClient($"{prefix}-checkpoints");
        IReadOnlyList<SimulationConfig> runs = spec.Grid().Runs;
        BlobItem[] blobs = container.GetBlobs().ToArray();
        BlobClient flipped = container.GetBlobClient(Assert.Single(blobs, b => b.Name.Contains(runs[0].Fingerprint())).Name);
        byte[] bytes = (await flipped.DownloadContentAsync()).Value.Content.ToArray();
        bytes[bytes.Length / 2] ^= 0x5A;
        await flipped.UploadAsync(new BinaryData(bytes), overwrite: true);
        BlobClient garbage = container.GetBlobClient(Assert.Single(blobs, b => b.Name.Contains(runs[1].Fingerprint())).Name);
        await garbage.UploadAsync(new BinaryData("not a checkpoint"u8.ToArray()), overwrite: true);

        LogCapture.Messages.Clear();
        await using TestClusterHandle second = await TestClusterHandle.StartAsync<CapturingSiloConfigurator>(silos: 1, workers: 2, prefix: prefix);
        ISweepGrain sweep = second.Sweep(spec);
        await sweep.Resume();
        await Poll.UntilAsync(async () => (await sweep.GetStatus()).State != SweepState.Running, failure: async () =>
            $"the sweep did not finish: {await sweep.GetStatus()}; logs: {string.Join(" | ", LogCapture.Messages.Where(m => !m.Contains("Polly") && !m.Contains("Execution attempt") && !m.Contains("Resilience")).TakeLast(15))}");

        Assert.Equal(SweepState.Completed, (await sweep.GetStatus()).State);
        await second.AssertBitIdenticalToDirectRunsAsync(spec);
        Assert.Contains(LogCapture.Messages, m => m.Contains(runs[0].Fingerprint()) && m.Contains("is corrupt"));
        Assert.Contains(LogCapture.Messages, m => m.Contains(runs[1].Fingerprint()) && m.Contains("cannot be read"));
    }

    private static async Task<bool> BothPastStep(TestClusterHandle cluster, SweepSpec spec, long step)
    {
        foreach (SimulationConfig run in spec.Grid().Runs)
        {
            if ((await cluster.Run(run).GetProgress()).Step < step)
            {
                return false;
            }
        }

        return true;
    }
}

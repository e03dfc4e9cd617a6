using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Tests.Infrastructure;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Tests.Cluster;

/// <summary>
/// A sweep on a measured task (spec "spectrum"): the spectrum's values travel with the spec to the coordinator and its
/// groups, and with every run's request to the run grains, which simulate that task and no power law; stopped
/// mid-run and resumed from checkpoints, every curve equals the uninterrupted direct run's, bit for bit, and the
/// report names the task.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MeasuredSpectrumSweepTests
{
    /// <summary>A task no power law is: lambda_k = k^-1.7 (1 + 0.4 sin k), wStar_k = k^-0.3 (1 + 0.2 cos 3k), 150 modes.</summary>
    private static SpecSpectrum Bumpy()
    {
        var lambda = new double[150];
        var wStar = new double[150];
        for (int k = 1; k <= lambda.Length; k++)
        {
            lambda[k - 1] = Math.Pow(k, -1.7) * (1 + 0.4 * Math.Sin(k));
            wStar[k - 1] = Math.Pow(k, -0.3) * (1 + 0.2 * Math.Cos(3 * k));
        }

        return SpecSpectrum.Of(Spectrum.FromValues(lambda, wStar, "bumpy"), "bumpy.csv", "alpha and beta fitted over modes 15..150");
    }

    private static SweepSpec Measured(long steps)
    {
        SpecSpectrum task = Bumpy();
        return Specs.Small("measured-interrupt", steps: steps, widths: [16], checkpointSeconds: 0.1) with
        {
            Alpha = [1.7],
            Beta = [0.3],
            M = task.M,
            Spectrum = task,
        };
    }

    [Fact]
    public async Task ASweepOnASpectrumResumedAfterAShutdownIsBitIdenticalToDirectRuns()
    {
        SweepSpec spec = Measured(steps: 500_000);
        SweepSpecValidator.Validate(spec, new SweepLimits());
        Assert.All(spec.Grid().Runs, r => Assert.Same(spec.Spectrum!.ToSpectrum(), r.CustomSpectrum));

        await using TestClusterHandle resumed = await ClusterSweeps.InterruptAndResumeAsync(spec, stepsBeforeStop: 150_000);
        await resumed.AssertBitIdenticalToDirectRunsAsync(spec);

        SweepSpec stored = (await resumed.Sweep(spec).GetSpec())!;
        Assert.Equal(spec.Spectrum!.Lambda, stored.Spectrum!.Lambda);
        Assert.Equal(spec.Spectrum.WStar, stored.Spectrum.WStar);
        Assert.Equal(spec.Id(), stored.Id());
    }

    [Fact]
    public async Task TheReportNamesTheTaskAndItsRunsAreNotThePowerLawRuns()
    {
        SweepSpec spec = Measured(steps: 300) with { Name = "measured-report", CheckpointSeconds = null };
        await using TestClusterHandle cluster = await TestClusterHandle.StartAsync(silos: 1);
        await cluster.RunToEndAsync(spec);

        SweepReport report = (await cluster.Sweep(spec).GetReport())!;
        Assert.Contains("spectrum file bumpy.csv (M = 150 modes)", report.Task, StringComparison.Ordinal);
        Assert.Contains("fitted over modes 15..150", report.Task, StringComparison.Ordinal);
        Assert.Equal(spec.Grid().Groups.Count, report.Groups.Length);

        // The same grid on the power law (1.7, 0.3, 150) is other runs: the spectrum's values are in the run keys.
        SweepSpec powerLaw = spec with { Spectrum = null };
        Assert.NotEqual(powerLaw.Id()[^12..], spec.Id()[^12..]);
        Assert.DoesNotContain(powerLaw.Grid().Runs, r => spec.Grid().Runs.Any(m => m.Fingerprint() == r.Fingerprint()));
    }
}

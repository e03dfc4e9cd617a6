using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>
/// The report of a sweep on finite training sets, from synthetic curves whose answer is known: the train loss
/// beside the test loss, the onset of overfitting, and the data-scaling fit of L ~ P^-x.
/// </summary>
public sealed class DataScalingReportTests
{
    private static readonly long[] Sizes = [64, 128, 256, 512];

    private static SweepSpec Spec() => ReportFixtures.Spec(gamma: [0.0], b: [null], steps: 1000) with { P = [.. Sizes.Select(p => (long?)p)] };

    /// <summary>Test loss c P^-x (1 + 1/t) times seed noise, train loss a tenth of it: the fit must give x back.</summary>
    private static RunResult Run(SimulationConfig config, double x)
    {
        long[] steps = LogGrid.Steps(config.Steps, config.PointsPerDecade);
        var test = new double[steps.Length];
        var train = new double[steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            double noise = ReportFixtures.Noise(config.Seed, 0);
            test[i] = 3.0 * Math.Pow(config.P!.Value, -x) * (1 + (1.0 / Math.Max(1, steps[i]))) * noise;
            train[i] = test[i] / 10;
        }

        return new RunResult(
            config,
            new RunProgress(config.Fingerprint(), RunStatus.Completed, config.Steps, config.Steps, null, null, 1.0, "silo"),
            new LossCurve(steps, test, []) { TrainLoss = train });
    }

    [Fact]
    public void The_fit_of_the_last_test_loss_against_P_recovers_the_exponent_and_the_train_loss_is_averaged()
    {
        SweepSpec spec = Spec();
        RunResult[] results = spec.Grid().Runs.Select(r => Run(r, 0.8)).ToArray();
        SweepReport report = SweepReportBuilder.Build("id", spec, results);

        DataScalingReport line = Assert.Single(report.DataScaling);
        Assert.Equal(Sizes, line.Points.Select(p => p.P));

        // Each seed's noise is the same factor at every P, so the seed means are exactly proportional to P^-0.8.
        Assert.Equal(0.8, line.Exponent!.Value, 12);
        Assert.Equal(0.8, line.Theory.Exponent, 12); // eq. 78: alpha min(2, beta) = 2 x 0.4
        Assert.NotNull(line.Ci);
        Assert.InRange(0.8, line.Ci![0] - 1e-12, line.Ci[1] + 1e-12);

        foreach (GroupReport group in report.Groups)
        {
            Assert.NotNull(group.TrainMean);
            for (int k = 0; k < group.Steps.Length; k++)
            {
                Assert.Equal(group.Mean[k] / 10, group.TrainMean![k], 1e-15 * group.Mean[k]);
            }

            Assert.Null(group.OverfitStep); // the test loss falls all the way
        }

        DataScalingPointReport first = line.Points[0];
        Assert.Equal(first.Test - first.Train, first.Gap);
    }

    [Fact]
    public void Onset_of_overfitting_is_the_minimum_of_the_test_mean_when_the_end_is_significantly_above_it()
    {
        long[] steps = [0, 1, 10, 100, 1000];
        Assert.Equal(100, GroupAggregator.OverfitStep(steps, [1, 0.5, 0.2, 0.1, 0.3], [0, 0.01, 0.01, 0.01, 0.01]));

        // A rise within twice the combined standard error is noise, not overfitting.
        Assert.Null(GroupAggregator.OverfitStep(steps, [1, 0.5, 0.2, 0.1, 0.12], [0, 0.01, 0.01, 0.01, 0.01]));
        Assert.Null(GroupAggregator.OverfitStep(steps, [1, 0.5, 0.2, 0.1, 0.05], [0, 0, 0, 0, 0]));
    }

    [Fact]
    public void A_line_with_one_size_with_a_curve_has_no_fit_and_says_why()
    {
        SweepSpec spec = Spec();
        RunResult[] results = spec.Grid().Runs.Where(r => r.P == 64).Select(r => Run(r, 0.8)).ToArray();
        DataScalingReport line = Assert.Single(SweepReportBuilder.Build("id", spec, results).DataScaling);
        Assert.Null(line.Exponent);
        Assert.Contains("1 of the 4 training-set sizes have a mean curve", line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_online_sweep_has_no_data_scaling_and_no_train_loss()
    {
        SweepSpec spec = ReportFixtures.Spec();
        SweepReport report = SweepReportBuilder.Build("id", spec, spec.Grid().Runs.Select(r => ReportFixtures.Completed(r, t => 1.0 / (1 + t))).ToArray());
        Assert.Empty(report.DataScaling);
        Assert.All(report.Groups, g => Assert.Null(g.TrainMean));
    }
}

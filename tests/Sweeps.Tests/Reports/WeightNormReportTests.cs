using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>The linear network's |w|^2 / N (Fig. 12) averaged over seeds beside the loss; the projected model has none.</summary>
public sealed class WeightNormReportTests
{
    /// <summary>A completed run whose |w|^2 / N is (seed + 1) t^0.3: the seed mean at t is 2 t^0.3 for seeds 0..2.</summary>
    private static RunResult Run(SimulationConfig config, bool norms)
    {
        long[] steps = LogGrid.Steps(config.Steps, config.PointsPerDecade);
        double[] loss = steps.Select(t => 1.0 / (1 + t)).ToArray();
        double[] norm = norms ? steps.Select(t => (config.Seed + 1.0) * Math.Pow(t, 0.3)).ToArray() : [];
        return new RunResult(
            config,
            new RunProgress(config.Fingerprint(), RunStatus.Completed, config.Steps, config.Steps, null, null, 1.0, "silo"),
            new LossCurve(steps, loss, norm));
    }

    [Fact]
    public void A_linear_network_group_carries_the_seed_mean_of_its_weight_norm()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.5], b: [null], steps: 1000) with { Model = ModelKind.LinearNetwork, Seeds = [0, 1, 2] };
        SweepReport report = SweepReportBuilder.Build("id", spec, spec.Grid().Runs.Select(r => Run(r, norms: true)).ToArray());

        foreach (GroupReport group in report.Groups)
        {
            Assert.Equal(3, group.Seeds);
            Assert.NotNull(group.WeightNormMean);
            Assert.NotNull(group.WeightNormSem);
            for (int k = 0; k < group.Steps.Length; k++)
            {
                double expected = 2 * Math.Pow(group.Steps[k], 0.3);
                Assert.Equal(expected, group.WeightNormMean![k], 1e-12 * Math.Max(1, expected));
                Assert.Equal(Math.Pow(group.Steps[k], 0.3) / Math.Sqrt(3), group.WeightNormSem![k], 1e-12 * Math.Max(1, expected)); // sd 1 x t^0.3 over sqrt(3)
            }
        }
    }

    [Fact]
    public void A_projected_group_has_no_weight_norm()
    {
        SweepSpec spec = ReportFixtures.Spec(gamma: [0.5], b: [null], steps: 1000);
        SweepReport report = SweepReportBuilder.Build("id", spec, spec.Grid().Runs.Select(r => Run(r, norms: false)).ToArray());

        Assert.All(report.Groups, g => Assert.Null(g.WeightNormMean));
    }
}

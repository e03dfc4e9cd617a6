using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>The theory column of an mlp-circle group: eq. 14's beta in the rich chi, the phase, eq. 14 and the NTK's measured decay.</summary>
public sealed class MlpTheoryReportTests
{
    private static GroupConfig Group(double q, double qPhi, double gamma0, int depth = 2)
    {
        var settings = new MlpCircleSettings(q, qPhi, depth, 256);
        return SweepGrid.GroupOf(SimulationConfig.ForMlpCircle(settings, gamma0, 64, 8, 0.1, 1000, 0));
    }

    [Fact]
    public void A_hard_task_gets_the_rich_chi_of_eq_14s_beta_and_the_lazy_limit_in_a_note()
    {
        PredictedExponent theory = PredictedExponents.Time(ModelKind.MlpCircle, Group(q: 1, qPhi: 1, gamma0: 1));

        Assert.Equal(2 * 0.5 / 1.5, theory.Exponent, 12); // beta = 1/2: chi = 2 beta/(1 + beta)
        Assert.Equal("rich", theory.Regime);
        Assert.StartsWith("hard; eq. 14: alpha = 2 qPhi, beta = (2q-1)/(2 qPhi); kernel: lambda_k ~ k^-", theory.Phase);
        Assert.Contains("(2 qPhi = 2)", theory.Phase);
        Assert.EndsWith("small gamma0 approaches the lazy chi = beta = 0.5", theory.Phase);
    }

    [Fact]
    public void An_easy_task_has_one_chi_and_no_lazy_note()
    {
        PredictedExponent theory = PredictedExponents.Time(ModelKind.MlpCircle, Group(q: 1.75, qPhi: 1, gamma0: 0.01));

        Assert.Equal(1.25, theory.Exponent, 12); // beta = 1.25 >= 1: chi = beta, lazy or rich
        Assert.StartsWith("easy;", theory.Phase);
        Assert.DoesNotContain("lazy", theory.Phase);
    }

    [Theory]
    [InlineData(1.0, 2)]
    [InlineData(1.5, 2)]
    [InlineData(1.0, 3)]
    public void The_measured_kernel_decay_is_2_qPhi(double qPhi, int depth)
    {
        MlpKernelDecay.Fit fit = MlpKernelDecay.Of(qPhi, depth);

        Assert.Equal(fit.Harmonics, fit.Used);
        Assert.InRange(fit.Exponent, 2 * qPhi - 0.1, 2 * qPhi + 0.1);
    }

    [Fact]
    public void At_depth_1_the_vanishing_odd_harmonics_are_left_out_and_counted()
    {
        string note = PredictedExponents.KernelNote(1.0, 1);

        Assert.Matches(@"^kernel: lambda_k ~ k\^-\d\.\d\d \(2 qPhi = 2, \d+ of 113 harmonics nonzero\)$", note);
    }

    [Fact]
    public void Other_models_keep_their_theory()
    {
        var run = new SimulationConfig(ModelKind.Projected, 2, 0.4, 100, 1, 16, null, 0.05, 100, 0);
        GroupConfig group = SweepGrid.GroupOf(run);

        Assert.Equal(PredictedExponents.Time(ModelKind.Projected, 2, 0.4, 1), PredictedExponents.Time(ModelKind.Projected, group));
    }
}

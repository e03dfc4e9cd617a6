using MathNet.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Numerics.Tests.Analysis;

public class ParametricFitTests
{
    [Fact]
    public void AnOffsetPowerLawIsRecoveredWithinFourStandardErrorsOfTheNoise()
    {
        // Data: L = a t^-r + c times exp(sigma z), z standard normal, sigma = 1 %.
        // Tolerance: the fit is an M-estimator on log residuals; with delta = 1e-3 much smaller than
        // sigma the Huber loss acts like least absolute deviations, whose asymptotic covariance is
        // (pi / 2) sigma^2 (J^T J)^-1, J the Jacobian of log model in (log a, r, log c) at the truth.
        // Each parameter must land within 4 of those standard errors (fixed seed, so deterministic).
        const double a = 2.0;
        const double r = 0.6;
        const double c = 0.05;
        const double sigma = 0.01;
        long[] steps = SyntheticCurves.LogSteps(100_000, perDecade: 20);
        SeedCurve noisy = SyntheticCurves.NoisySeeds(steps, t => (a * Math.Pow(t, -r)) + c, 1, sigma, seed: 5)[0];

        OffsetPowerLawFitResult fit = ParametricFit.FitOffset(noisy.Steps, noisy.Loss);

        double[] se = StandardErrors(steps, sigma, t =>
        {
            double power = a * Math.Pow(t, -r);
            double model = power + c;
            return [power / model, -Math.Log(t) * power / model, c / model];
        });
        Assert.InRange(Math.Log(fit.A), Math.Log(a) - (4 * se[0]), Math.Log(a) + (4 * se[0]));
        Assert.InRange(fit.R, r - (4 * se[1]), r + (4 * se[1]));
        Assert.InRange(Math.Log(fit.C), Math.Log(c) - (4 * se[2]), Math.Log(c) + (4 * se[2]));
        Assert.Equal(40, fit.Starts);
        Assert.True(fit.Converged >= 1, $"{fit.Converged} of {fit.Starts} starts converged");
        Assert.Equal(steps.Length - 1, fit.Points);
    }

    [Fact]
    public void NoiseFreeDataIsRecoveredToOptimizerPrecision()
    {
        long[] steps = SyntheticCurves.LogSteps(100_000, perDecade: 20);
        double[] loss = SyntheticCurves.Evaluate(steps, t => (0.8 * Math.Pow(t, -1.1)) + 0.003);

        OffsetPowerLawFitResult fit = ParametricFit.FitOffset(steps, loss);

        Assert.Equal(0.8, fit.A, 1e-4);
        Assert.Equal(1.1, fit.R, 1e-4);
        Assert.Equal(0.003, fit.C, 1e-7);
        Assert.True(fit.Objective < 1e-10, $"objective {fit.Objective}");
        Assert.Equal(fit.Evaluate(1000), loss[Array.IndexOf(steps, 1000L)], 1e-8);
    }

    [Fact]
    public void TheTwoTermFormIsRecoveredFromNoiseFreeData()
    {
        // Sum of power laws in time as in eq. 9: a slow and a fast term above a floor.
        long[] steps = SyntheticCurves.LogSteps(1_000_000, perDecade: 20);
        double[] loss = SyntheticCurves.Evaluate(steps, t => Math.Pow(t, -0.3) + (5 * Math.Pow(t, -1.2)) + 0.01);

        TwoTermPowerLawFitResult fit = ParametricFit.FitTwoTerm(steps, loss);

        Assert.Equal(1.0, fit.A, 1e-3);
        Assert.Equal(0.3, fit.R1, 1e-3);
        Assert.Equal(5.0, fit.B, 5e-3);
        Assert.Equal(1.2, fit.R2, 1e-3);
        Assert.Equal(0.01, fit.C, 1e-4);
        Assert.Equal(45, fit.Starts);
        Assert.True(fit.Converged >= 1);
    }

    [Fact]
    public void TheTwoTermFormIsRecoveredWithinFourStandardErrorsOfTheNoise()
    {
        // As in the offset test: (pi / 2) sigma^2 (J^T J)^-1 with J in (log a, r1, log b, r2, log c).
        const double sigma = 0.005;
        long[] steps = SyntheticCurves.LogSteps(1_000_000, perDecade: 20);
        Func<double, double> f = t => Math.Pow(t, -0.3) + (5 * Math.Pow(t, -1.2)) + 0.01;
        SeedCurve noisy = SyntheticCurves.NoisySeeds(steps, f, 1, sigma, seed: 9)[0];

        TwoTermPowerLawFitResult fit = ParametricFit.FitTwoTerm(noisy.Steps, noisy.Loss);

        double[] se = StandardErrors(steps, sigma, t =>
        {
            double slow = Math.Pow(t, -0.3);
            double fast = 5 * Math.Pow(t, -1.2);
            double model = f(t);
            double u = Math.Log(t);
            return [slow / model, -u * slow / model, fast / model, -u * fast / model, 0.01 / model];
        });
        Assert.InRange(Math.Log(fit.A), -(4 * se[0]), 4 * se[0]);
        Assert.InRange(fit.R1, 0.3 - (4 * se[1]), 0.3 + (4 * se[1]));
        Assert.InRange(Math.Log(fit.B), Math.Log(5) - (4 * se[2]), Math.Log(5) + (4 * se[2]));
        Assert.InRange(fit.R2, 1.2 - (4 * se[3]), 1.2 + (4 * se[3]));
        Assert.InRange(Math.Log(fit.C), Math.Log(0.01) - (4 * se[4]), Math.Log(0.01) + (4 * se[4]));
    }

    [Fact]
    public void ErrorsNameTheirCause()
    {
        long[] steps = [0, 1, 2, 4, 8, 16];
        double[] loss = [1, 1, 0.6, 0.4, -0.1, 0.2];

        var error = Assert.Throws<ArgumentException>(() => ParametricFit.FitOffset(steps, loss));
        Assert.Contains("step 8", error.Message);

        error = Assert.Throws<ArgumentException>(() => ParametricFit.FitOffset(steps, [1, 1, 0.6, 0.4, 0.3, 0.2], (1, 4)));
        Assert.Contains("needs at least 4", error.Message);

        error = Assert.Throws<ArgumentException>(() => ParametricFit.FitTwoTerm(steps, [1, 1, 0.6, 0.4, 0.3, 0.2]));
        Assert.Contains("needs at least 6", error.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => ParametricFit.FitOffset(steps, [1, 1, 0.6, 0.4, 0.3, 0.2], huberDelta: 0));
    }

    /// <summary>sqrt of the diagonal of (pi / 2) sigma^2 (J^T J)^-1 over the steps t &gt;= 1.</summary>
    private static double[] StandardErrors(long[] steps, double sigma, Func<double, double[]> gradient)
    {
        var rows = new List<double[]>();
        foreach (long t in steps)
        {
            if (t >= 1)
            {
                rows.Add(gradient(t));
            }
        }

        Matrix<double> j = Matrix<double>.Build.DenseOfRowArrays(rows);
        Matrix<double> covariance = (j.TransposeThisAndMultiply(j)).Inverse() * (Math.PI / 2 * sigma * sigma);
        var se = new double[covariance.RowCount];
        for (int k = 0; k < se.Length; k++)
        {
            se[k] = Math.Sqrt(covariance[k, k]);
        }

        return se;
    }
}

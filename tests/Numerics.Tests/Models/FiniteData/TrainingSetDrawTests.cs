using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.FiniteData;

namespace ScaleSweep.Numerics.Tests.Models.FiniteData;

/// <summary>
/// The fast model's training set is drawn as (z, y) = F xi with F F^T = [[K, b], [b^T, S]], the law of
/// (A0 psi, WStar . psi) given A0. Checked against that covariance, built independently from an explicit A0.
/// </summary>
public class TrainingSetDrawTests
{
    [Fact]
    public void SamplesHaveTheJointCovarianceOfFeaturesAndLabelsGivenA0()
    {
        const int n = 3, m = 40, p = 40_000;
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.6, m, 0.0, n, p, 0.1, 1, 5) { P = p };
        var set = ProjectedTrainingSet.Draw(config);

        // The target covariance from A0 directly: Cov(a_i . psi, a_j . psi) = sum_k a_ik lambda_k a_jk; the label is row n.
        var spectrum = config.BuildSpectrum();
        var a0 = new double[n * m];
        InitialFeatures.Fill(config.Seed, n, m, a0);
        double[] Row(int i) => i < n ? a0.AsSpan(i * m, m).ToArray() : spectrum.WStar.ToArray();
        var sigma = new double[n + 1, n + 1];
        for (int i = 0; i <= n; i++)
        {
            for (int j = 0; j <= n; j++)
            {
                double[] ri = Row(i), rj = Row(j);
                for (int k = 0; k < m; k++)
                {
                    sigma[i, j] += ri[k] * spectrum.Lambda[k] * rj[k];
                }
            }
        }

        double Value(int mu, int i) => i < n ? set.Features[mu * n + i] : set.Labels[mu];
        for (int i = 0; i <= n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int mu = 0; mu < p; mu++)
                {
                    sum += Value(mu, i) * Value(mu, j);
                }

                // A Gaussian sample covariance (known mean 0) has standard error sqrt((S_ii S_jj + S_ij^2) / P);
                // 5 SE over 10 entries fails by chance with probability < 1e-5.
                double se = Math.Sqrt((sigma[i, i] * sigma[j, j] + sigma[i, j] * sigma[i, j]) / p);
                Assert.InRange(sum / p, sigma[i, j] - 5 * se, sigma[i, j] + 5 * se);
            }
        }
    }

    [Fact]
    public void TheDrawIsAFunctionOfTheSeedAlone()
    {
        var config = new SimulationConfig(ModelKind.Projected, 2.0, 0.6, 50, 0.0, 4, 16, 0.1, 1, 9) { P = 16 };
        var a = ProjectedTrainingSet.Draw(config);
        var b = ProjectedTrainingSet.Draw(config);
        var c = ProjectedTrainingSet.Draw(config with { Seed = 10 });
        Assert.Equal(a.Features, b.Features);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Labels, c.Labels);
    }
}

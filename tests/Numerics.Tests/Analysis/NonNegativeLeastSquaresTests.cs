using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Numerics.Tests.Analysis;

public class NonNegativeLeastSquaresTests
{
    /// <summary>Data made exactly from non-negative coefficients (one of them 0) give them back.</summary>
    [Fact]
    public void ExactDataGiveBackTheirCoefficients()
    {
        double[] truth = [2.0, 0.0, 0.5];
        var random = new System.Random(11);
        var x = new double[20, 3];
        var y = new double[20];
        for (int i = 0; i < 20; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                x[i, j] = random.NextDouble();
                y[i] += truth[j] * x[i, j];
            }
        }

        double[] c = NonNegativeLeastSquares.Solve(x, y);

        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(truth[j], c[j], 1e-12);
        }
    }

    /// <summary>
    /// Where unconstrained least squares wants a negative coefficient, the solution is the constrained optimum:
    /// it satisfies the Karush-Kuhn-Tucker conditions (gradient of |Xc - y|^2 zero on the positive coefficients,
    /// non-negative on the zero ones) to rounding, which no other feasible point does.
    /// </summary>
    [Fact]
    public void ANegativeUnconstrainedCoefficientIsHeldAtZeroAndTheResultIsOptimal()
    {
        var random = new System.Random(5);
        var x = new double[30, 4];
        var y = new double[30];
        for (int i = 0; i < 30; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                x[i, j] = random.NextDouble();
            }

            y[i] = (1.0 * x[i, 0]) - (0.8 * x[i, 1]) + (0.3 * x[i, 2]) + (0.05 * (random.NextDouble() - 0.5));
        }

        double[] c = NonNegativeLeastSquares.Solve(x, y);

        Assert.All(c, v => Assert.True(v >= 0));
        Assert.Equal(0.0, c[1]);
        for (int j = 0; j < 4; j++)
        {
            double gradient = 0;
            for (int i = 0; i < 30; i++)
            {
                double residual = -y[i];
                for (int k = 0; k < 4; k++)
                {
                    residual += x[i, k] * c[k];
                }

                gradient += 2 * x[i, j] * residual;
            }

            if (c[j] > 0)
            {
                Assert.True(Math.Abs(gradient) < 1e-10, $"coefficient {j} = {c[j]}: gradient {gradient}");
            }
            else
            {
                Assert.True(gradient >= -1e-10, $"coefficient {j} = 0: gradient {gradient} < 0, so raising it would lower the error");
            }
        }
    }

    [Fact]
    public void BadInputIsRefusedNamingWhatIsWrong()
    {
        Assert.Contains("1..8 columns", Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(new double[3, 9], new double[3])).Message);
        Assert.Contains("x[0, 0] is NaN", Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(new double[,] { { double.NaN } }, [1.0])).Message);
    }

    /// <summary>Curves made from eq. 9's terms with known prefactors (three batch sizes sharing them) give them back.</summary>
    [Fact]
    public void TermPrefactorsOfSyntheticCurvesAreRecovered()
    {
        const double alpha = 2, beta = 3.6, gamma = 1, eta = 0.05, n = 256;
        long[] steps = LogSteps();
        var curves = new List<(long[], double[], double, double)>();
        foreach (double b in new[] { 1.0, 8.0, 64.0 })
        {
            double[] mean = steps.Select(t =>
            {
                PowerLawTerms u = SumOfPowerLaws.Terms(t, alpha, beta, gamma, n, b, eta);
                return (3.0 * u.GradientFlow) + (0.7 * u.FiniteNTransient) + (2.5 * u.SgdTransient);
            }).ToArray();
            curves.Add((steps, mean, n, b));
        }

        TermPrefactorFitResult fit = TermPrefactorFit.Fit(curves, alpha, beta, gamma, eta, fromStep: 10);

        Assert.Equal(3.0, fit.GradientFlow, 1e-9);
        Assert.Equal(0.0, fit.ModelBottleneck, 1e-9);
        Assert.Equal(0.7, fit.FiniteNTransient, 1e-9);
        Assert.Equal(2.5, fit.SgdTransient, 1e-9);
        Assert.True(fit.RmsRelativeError < 1e-12);
        Assert.Equal(3 * steps.Count(t => t >= 10), fit.Points);
    }

    private static long[] LogSteps() => Enumerable.Range(0, 31).Select(k => (long)Math.Round(Math.Pow(10, k / 10.0))).Distinct().ToArray();
}

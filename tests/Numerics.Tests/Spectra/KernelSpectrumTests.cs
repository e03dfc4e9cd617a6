using ScaleSweep.Numerics.Random;
using ScaleSweep.Numerics.Spectra;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Spectra;

public class KernelSpectrumTests(ITestOutputHelper output)
{
    /// <summary>
    /// Inputs x ~ N(0, diag(k^-alpha)) in d = 8 dimensions, n = 2000 samples, target y = sum_k c_k x_k, linear
    /// features of width N = 800 (N &lt; n: the N x N route). The operator's eigenvalues are k^-alpha / d
    /// (kernel x . x' / d) and the target's coefficients wStar_k = c_k sqrt(d). Tolerances from the standard errors:
    /// an eigenvalue's relative SE is about se = sqrt(2/n + 2/N) (the sample covariance and the random W'W / N);
    /// lambda_k must lie within 4 se. An off-diagonal entry of the whitened covariance has SE se / sqrt(2), and to first
    /// order it turns eigenvector k towards j by r_kj = sqrt(lambda_k lambda_j) / |lambda_k - lambda_j| times itself, so
    /// wStar_k must lie within 4 (se / sqrt(2)) sqrt(2 wStar_k^2 + sum_j r_kj^2 wStar_j^2) (the independent terms add in quadrature).
    /// </summary>
    [Fact]
    public void A_linear_kernel_recovers_a_known_spectrum_within_its_standard_errors()
    {
        const int d = 8, n = 2000, width = 800;
        const double alpha = 2.0;
        var trueLambda = new double[d];
        var trueWStar = new double[d];
        var inputs = new double[n * d];
        var targets = new double[n];
        for (int k = 1; k <= d; k++)
        {
            trueLambda[k - 1] = Math.Pow(k, -alpha) / d;
            trueWStar[k - 1] = Math.Pow(k, -0.5);
        }

        for (int i = 0; i < n; i++)
        {
            var rng = new CounterRng(7, RandomStream.Dataset, (ulong)i);
            for (int k = 1; k <= d; k++)
            {
                double x = Math.Pow(k, -alpha / 2) * rng.NextGaussian();
                inputs[(i * d) + k - 1] = x;
                targets[i] += trueWStar[k - 1] / Math.Sqrt(d) * x;
            }
        }

        KernelSpectrumResult result = KernelSpectrum.Compute(new DataSet(inputs, targets, d), KernelActivation.Linear, 1, width, seed: 1);
        Assert.Equal(d, result.Spectrum.M);
        Assert.Equal(width - d, result.Dropped);
        double se = Math.Sqrt((2.0 / n) + (2.0 / width));
        for (int k = 0; k < d; k++)
        {
            double mixing = 0;
            for (int j = 0; j < d; j++)
            {
                double r = j == k ? 0 : Math.Sqrt(trueLambda[k] * trueLambda[j]) / Math.Abs(trueLambda[k] - trueLambda[j]);
                mixing += r * r * trueWStar[j] * trueWStar[j];
            }

            double lambdaError = result.Spectrum.Lambda[k] / trueLambda[k] - 1;
            double wStarError = result.Spectrum.WStar[k] - trueWStar[k];
            double wStarTolerance = 4 * (se / Math.Sqrt(2)) * Math.Sqrt((2 * trueWStar[k] * trueWStar[k]) + mixing);
            output.WriteLine($"k {k + 1}: lambda rel. error {lambdaError:+0.000;-0.000} (tol {4 * se:F3}), wstar error {wStarError:+0.000;-0.000} (tol {wStarTolerance:F3})");
            Assert.InRange(Math.Abs(lambdaError), 0, 4 * se);
            Assert.InRange(Math.Abs(wStarError), 0, wStarTolerance);
        }

        // y lies in the span of the inputs, which is the kernel's range: the modes hold all of its mean square.
        Assert.Equal(result.MeanSquare, result.Captured, 1e-9 * result.MeanSquare);
    }

    /// <summary>
    /// ReLU features with N &gt;= n (the n x n route) on Gaussian inputs: full rank, so sum_k lambda_k wStar_k^2 = |y|^2 / n.
    /// (Not on an even grid of the circle: there ReLU^1's kernel has no odd harmonic above 1 and the grid aliases the rest,
    /// so about half its eigenvalues are zero and the identity becomes an inequality: 98 of 200 dropped, measured.)
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(1.5)]
    public void Relu_features_keep_the_targets_mean_square_in_descending_modes(double qPhi)
    {
        DataSet data = Gaussian(200, 5);
        KernelSpectrumResult result = KernelSpectrum.Compute(data, KernelActivation.Relu, qPhi, 400, seed: 3);
        output.WriteLine($"q_phi {qPhi}: M {result.Spectrum.M}, dropped {result.Dropped}, mean square {result.MeanSquare:E6}, captured {result.Captured:E6}");
        Assert.Equal(result.MeanSquare, result.Captured, 1e-8 * result.MeanSquare);
        AssertDescendingAndNonNegative(result.Spectrum);
    }

    /// <summary>N &lt; n (the N x N route): at most N modes, and they hold at most the target's mean square.</summary>
    [Fact]
    public void A_narrow_kernel_keeps_at_most_N_modes_and_part_of_the_mean_square()
    {
        DataSet data = Circle(500, 1.2);
        KernelSpectrumResult result = KernelSpectrum.Compute(data, KernelActivation.Relu, 1, 60, seed: 3);
        Assert.InRange(result.Spectrum.M, 1, 60);
        Assert.InRange(result.Captured, 0.5 * result.MeanSquare, result.MeanSquare * (1 + 1e-12));
        AssertDescendingAndNonNegative(result.Spectrum);
    }

    [Fact]
    public void The_same_seed_gives_the_same_spectrum_and_tanh_runs()
    {
        DataSet data = Circle(100, 1);
        var a = KernelSpectrum.Compute(data, KernelActivation.Tanh, 1, 150, seed: 9);
        var b = KernelSpectrum.Compute(data, KernelActivation.Tanh, 1, 150, seed: 9);
        Assert.Equal(a.Spectrum.Fingerprint, b.Spectrum.Fingerprint);
        AssertDescendingAndNonNegative(a.Spectrum);
    }

    [Fact]
    public void Out_of_range_settings_are_named()
    {
        DataSet data = Circle(10, 1);
        Assert.Contains("q_phi = 0 is out of range", Assert.Throws<SpectrumException>(() => KernelSpectrum.Compute(data, KernelActivation.Relu, 0, 10, 1)).Message);
        Assert.Contains("N = 0 is out of range", Assert.Throws<SpectrumException>(() => KernelSpectrum.Compute(data, KernelActivation.Relu, 1, 0, 1)).Message);
        var big = new DataSet(new double[(KernelSpectrum.MaxDimension + 1) * 1], new double[KernelSpectrum.MaxDimension + 1], 1);
        Assert.Contains("min(n, N) must be at most 8000", Assert.Throws<SpectrumException>(() => KernelSpectrum.Compute(big, KernelActivation.Relu, 1, 9000, 1)).Message);
    }

    [Fact]
    public void A_data_csv_names_the_bad_line()
    {
        Assert.Contains("d.csv line 3: found 2 fields but line 2 has 3", Assert.Throws<SpectrumException>(
            () => DataSetCsv.Parse(new StringReader("x1,x2,y\n1,2,3\n4,5\n"), "d.csv")).Message);
        Assert.Contains("d.csv line 2: the target (last column) = 'abc' is not a finite decimal number", Assert.Throws<SpectrumException>(
            () => DataSetCsv.Parse(new StringReader("1,2,3\n4,5,abc\n"), "d.csv")).Message);
        DataSet ok = DataSetCsv.Parse(new StringReader("# c\nx,y\n1,2\n\n3,4\n"), "d.csv");
        Assert.Equal([1.0, 3.0], ok.Inputs);
        Assert.Equal([2.0, 4.0], ok.Targets);
    }

    /// <summary>The paper's circle task (Section 5.1): x = (cos theta, sin theta), y = sum_k k^-q cos(k theta).</summary>
    private static DataSet Circle(int n, double q)
    {
        var inputs = new double[2 * n];
        var targets = new double[n];
        for (int i = 0; i < n; i++)
        {
            double theta = 2 * Math.PI * i / n;
            inputs[2 * i] = Math.Cos(theta);
            inputs[(2 * i) + 1] = Math.Sin(theta);
            for (int k = 1; k <= 50; k++)
            {
                targets[i] += Math.Pow(k, -q) * Math.Cos(k * theta);
            }
        }

        return new DataSet(inputs, targets, 2);
    }

    /// <summary>x ~ N(0, I_d), y = sin(x_1) + x_2 x_3.</summary>
    private static DataSet Gaussian(int n, int d)
    {
        var inputs = new double[n * d];
        var targets = new double[n];
        for (int i = 0; i < n; i++)
        {
            var rng = new CounterRng(11, RandomStream.Dataset, (ulong)i);
            rng.FillGaussian(inputs.AsSpan(i * d, d));
            targets[i] = Math.Sin(inputs[i * d]) + (inputs[(i * d) + 1] * inputs[(i * d) + 2]);
        }

        return new DataSet(inputs, targets, d);
    }

    private static void AssertDescendingAndNonNegative(Spectrum spectrum)
    {
        for (int k = 0; k < spectrum.M; k++)
        {
            Assert.True(spectrum.Lambda[k] > 0);
            Assert.True(spectrum.WStar[k] >= 0);
            Assert.True(k == 0 || spectrum.Lambda[k] <= spectrum.Lambda[k - 1]);
        }
    }
}

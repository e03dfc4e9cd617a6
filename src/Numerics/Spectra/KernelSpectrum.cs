using MathNet.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// The spectrum of a data set under a random-feature kernel: features phi(W x / sqrt(d)) with W in R^{N x d},
/// W_aj ~ N(0, 1), and the empirical kernel K = Phi Phi^T / N over the n samples (Phi in R^{n x N}). Its
/// eigenvalues kappa_k over n, lambda_k = kappa_k / n, are the eigenvalues of the kernel's integral operator under
/// the empirical measure (1/n) sum_i delta_{x_i}; the target's coefficients wStar_k = (u_k . y) / sqrt(n lambda_k),
/// u_k the unit eigenvectors, make y = sum_k wStar_k psi_k with psi_k = sqrt(n lambda_k) u_k, features of variance
/// lambda_k under that measure: the (Lambda, wStar) of eq. 2-3, so sum_k lambda_k wStar_k^2 = |y|^2 / n.
/// </summary>
/// <remarks>
/// The eigen-decomposition is of the smaller of K (n x n) and the feature Gram matrix G = Phi^T Phi / N (N x N),
/// which have the same nonzero eigenvalues; with G, u_k = Phi v_k / sqrt(N kappa_k). Either matrix is accumulated
/// over blocks of samples or features, so Phi is never held whole: memory is about 3 min(n, N)^2 doubles.
/// The sign of an eigenvector is arbitrary; it is chosen so that wStar_k &gt;= 0.
/// </remarks>
public static class KernelSpectrum
{
    /// <summary>The largest min(n, N) accepted: three 8000^2 matrices are 1.5 GB and the decomposition takes minutes.</summary>
    public const int MaxDimension = 8000;

    /// <summary>The largest width N accepted.</summary>
    public const int MaxWidth = 1_000_000;

    /// <summary>Samples or features per block of the accumulation: large enough for fast products, small next to the result.</summary>
    private const int BlockSize = 256;

    /// <summary>Computes the spectrum; see the class summary.</summary>
    /// <exception cref="SpectrumException">q_phi, the width or min(n, N) out of range, or no eigenvalue above the threshold.</exception>
    public static KernelSpectrumResult Compute(DataSet data, KernelActivation activation, double qPhi, int width, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!double.IsFinite(qPhi) || qPhi <= 0)
        {
            throw new SpectrumException($"q_phi = {SpectrumValidation.Format(qPhi)} is out of range: q_phi must be a finite number > 0.");
        }

        if (width < 1 || width > MaxWidth)
        {
            throw new SpectrumException($"N = {width} is out of range: the width N must be an integer from 1 to {MaxWidth}.");
        }

        int n = data.Count;
        int d = data.Dimension;
        if (Math.Min(n, width) > MaxDimension)
        {
            throw new SpectrumException(
                $"n = {n} samples and N = {width} features are out of range: min(n, N) must be at most {MaxDimension} "
                + "(the decomposed matrix is min(n, N) squared); use fewer samples or a smaller width.");
        }

        Matrix<double> x = Matrix<double>.Build.Dense(n, d, (i, j) => data.Inputs[(i * d) + j]);
        Matrix<double> w = Weights(width, d, seed);
        var y = Vector<double>.Build.DenseOfArray(data.Targets);
        Func<double, double> phi = Activation(activation, qPhi);
        double scale = 1.0 / Math.Sqrt(d);

        double[] kappa;
        double[] projection;
        if (n <= width)
        {
            (kappa, projection) = SampleRoute(x, w, y, phi, scale);
        }
        else
        {
            (kappa, projection) = FeatureRoute(x, w, y, phi, scale);
        }

        return Assemble(kappa, projection, n, width, data.Targets);
    }

    /// <summary>K = Phi Phi^T / N over blocks of features; eigenvalues kappa_k and u_k . y.</summary>
    private static (double[] Kappa, double[] Projection) SampleRoute(
        Matrix<double> x, Matrix<double> w, Vector<double> y, Func<double, double> phi, double scale)
    {
        int n = x.RowCount;
        int width = w.RowCount;
        Matrix<double> kernel = Matrix<double>.Build.Dense(n, n);
        Matrix<double>? product = null;
        for (int a = 0; a < width; a += BlockSize)
        {
            int size = Math.Min(BlockSize, width - a);
            Matrix<double> h = x.TransposeAndMultiply(w.SubMatrix(a, size, 0, w.ColumnCount));
            h.MapInplace(v => phi(v * scale));
            product ??= Matrix<double>.Build.Dense(n, n);
            h.TransposeAndMultiply(h, product);
            kernel.Add(product, kernel);
        }

        kernel.Divide(width, kernel);
        Symmetrise(kernel);
        var evd = kernel.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        Vector<double> projection = evd.EigenVectors.TransposeThisAndMultiply(y);
        return (EigenValues(evd.EigenValues), projection.ToArray());
    }

    /// <summary>G = Phi^T Phi / N over blocks of samples; kappa_k and u_k . y = v_k . Phi^T y / sqrt(N kappa_k).</summary>
    private static (double[] Kappa, double[] Projection) FeatureRoute(
        Matrix<double> x, Matrix<double> w, Vector<double> y, Func<double, double> phi, double scale)
    {
        int n = x.RowCount;
        int width = w.RowCount;
        Matrix<double> gram = Matrix<double>.Build.Dense(width, width);
        Vector<double> phiTy = Vector<double>.Build.Dense(width);
        Matrix<double>? product = null;
        for (int s = 0; s < n; s += BlockSize)
        {
            int size = Math.Min(BlockSize, n - s);
            Matrix<double> h = x.SubMatrix(s, size, 0, x.ColumnCount).TransposeAndMultiply(w);
            h.MapInplace(v => phi(v * scale));
            product ??= Matrix<double>.Build.Dense(width, width);
            h.TransposeThisAndMultiply(h, product);
            gram.Add(product, gram);
            phiTy.Add(h.TransposeThisAndMultiply(y.SubVector(s, size)), phiTy);
        }

        gram.Divide(width, gram);
        Symmetrise(gram);
        var evd = gram.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        double[] kappa = EigenValues(evd.EigenValues);
        double[] vTb = evd.EigenVectors.TransposeThisAndMultiply(phiTy).ToArray();
        var projection = new double[width];
        double sqrtWidth = Math.Sqrt(width);
        for (int k = 0; k < width; k++)
        {
            // Zero and negative kappa are dropped later; NaN keeps them from posing as values meanwhile.
            projection[k] = kappa[k] > 0 ? vTb[k] / (sqrtWidth * Math.Sqrt(kappa[k])) : double.NaN;
        }

        return (kappa, projection);
    }

    /// <summary>Sorts descending, drops the numerically zero eigenvalues, and scales to (lambda, wStar).</summary>
    private static KernelSpectrumResult Assemble(double[] kappa, double[] projection, int n, int width, double[] targets)
    {
        int[] order = Enumerable.Range(0, kappa.Length).ToArray();
        Array.Sort(kappa.Select(v => -v).ToArray(), order);
        double largest = kappa[order[0]];
        double cut = Math.Max(largest, 0) * Math.Max(n, width) * Math.Pow(2, -52);
        var lambda = new List<double>(kappa.Length);
        var wStar = new List<double>(kappa.Length);
        double captured = 0;
        foreach (int k in order)
        {
            if (!(kappa[k] > cut))
            {
                continue;
            }

            double l = kappa[k] / n;
            double coefficient = Math.Abs(projection[k]) / Math.Sqrt(kappa[k]);
            lambda.Add(l);
            wStar.Add(coefficient);
            captured += l * coefficient * coefficient;
        }

        if (lambda.Count == 0)
        {
            throw new SpectrumException("the kernel has no eigenvalue above the numerical zero: every feature vanishes on the data (all inputs zero?).");
        }

        double meanSquare = 0;
        foreach (double t in targets)
        {
            meanSquare += t * t;
        }

        meanSquare /= n;
        Spectrum spectrum = Spectrum.FromValues(lambda.ToArray(), wStar.ToArray(), $"kernel(n={n}, N={width}, M={lambda.Count})");
        return new KernelSpectrumResult(spectrum, kappa.Length - lambda.Count, cut / n, meanSquare, captured);
    }

    /// <summary>W_a = row a, N(0, 1) entries from its own counter stream, so row a does not depend on N.</summary>
    private static Matrix<double> Weights(int width, int d, ulong seed)
    {
        var w = Matrix<double>.Build.Dense(width, d);
        var row = new double[d];
        for (int a = 0; a < width; a++)
        {
            var rng = new CounterRng(seed, RandomStream.KernelFeatures, (ulong)a);
            rng.FillGaussian(row);
            for (int j = 0; j < d; j++)
            {
                w[a, j] = row[j];
            }
        }

        return w;
    }

    private static Func<double, double> Activation(KernelActivation activation, double qPhi) => activation switch
    {
        KernelActivation.Linear => h => h,
        KernelActivation.Tanh => Math.Tanh,
        _ when qPhi == 1.0 => h => h > 0 ? h : 0,
        _ when qPhi == 2.0 => h => h > 0 ? h * h : 0,
        _ => h => h > 0 ? Math.Pow(h, qPhi) : 0,
    };

    /// <summary>Rounding leaves a sum of products a few ulps from symmetric; the symmetric solver reads one triangle.</summary>
    private static void Symmetrise(Matrix<double> m)
    {
        for (int i = 0; i < m.RowCount; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double mean = 0.5 * (m[i, j] + m[j, i]);
                m[i, j] = mean;
                m[j, i] = mean;
            }
        }
    }

    private static double[] EigenValues(Vector<System.Numerics.Complex> values)
    {
        var real = new double[values.Count];
        for (int k = 0; k < real.Length; k++)
        {
            real[k] = values[k].Real;
        }

        return real;
    }
}

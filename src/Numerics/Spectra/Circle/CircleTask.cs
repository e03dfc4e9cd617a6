namespace ScaleSweep.Numerics.Spectra.Circle;

/// <summary>
/// The circle experiment of Sec. 5.1 (target y = sum_k k^-q cos(k theta), eq. 13; an MLP with ReLU^qPhi) as a task of the
/// solvable model: the eigenvalues of the network's NTK at initialization and the target's coefficients in its
/// eigenbasis, so that the model's theory and simulations can be run on the very spectrum the network sees.
/// </summary>
/// <remarks>
/// K(Delta) = lambda_0 + sum_k lambda_k cos(k Delta) has, under the uniform measure on the circle, the orthonormal
/// eigenfunctions sqrt(2) cos(k theta) and sqrt(2) sin(k theta), both with eigenvalue lambda_k / 2. The model's features
/// psi have variance Lambda (eq. 2) and y = WStar . psi (eq. 3), so the cosine mode of harmonic k has eigenvalue
/// lambda_k / 2 and WStar_k = k^-q / sqrt(lambda_k) (its power WStar_k^2 lambda_k / 2 = k^-2q / 2 is the harmonic's mean
/// square). The sine modes are left out: the target has none, and at infinite width (the DMFT, the lazy closed form)
/// a mode without target stays at zero, so they change nothing there; a finite-N projected model would also see
/// them. So are the constant (k = 0), which the target lacks, and a harmonic whose eigenvalue is numerically zero
/// (a one-layer ReLU network has none at odd k &gt;= 3): the target's power there, which no such network can learn,
/// is <see cref="UnreachablePower"/>. Mode j of the spectrum is harmonic <see cref="Harmonics"/>[j].
/// </remarks>
public sealed class CircleTask
{
    /// <summary>Eigenvalues below this fraction of the largest are taken as zero (the quadrature's noise is ~1e-15).</summary>
    public const double ZeroEigenvalue = 1e-12;

    private CircleTask(Spectrum spectrum, int[] harmonics, double unreachablePower, double[] harmonicEigenvalues)
    {
        Spectrum = spectrum;
        Harmonics = harmonics;
        UnreachablePower = unreachablePower;
        HarmonicEigenvalues = harmonicEigenvalues;
    }

    /// <summary>The task: the cosine mode of each harmonic kept, eigenvalue lambda_k / 2, WStar_k = k^-q / sqrt(lambda_k).</summary>
    public Spectrum Spectrum { get; }

    /// <summary>The harmonic k of each mode of <see cref="Spectrum"/>, ascending.</summary>
    public IReadOnlyList<int> Harmonics { get; }

    /// <summary>The target's mean square on harmonics the kernel cannot represent (a loss floor of every width and time).</summary>
    public double UnreachablePower { get; }

    /// <summary>lambda_k of the kernel by harmonic, index k = 0..K (the cosine coefficients of <see cref="CircleKernel"/>).</summary>
    public IReadOnlyList<double> HarmonicEigenvalues { get; }

    /// <summary>The task of target exponent q (eq. 13) on the NTK of a depth-hidden-layer ReLU^qPhi MLP, harmonics 1..K.</summary>
    /// <exception cref="ArgumentOutOfRangeException">q not above 1/2 (the target's power would diverge), or as <see cref="CircleKernel.Eigenvalues"/>.</exception>
    public static CircleTask Create(double q, double qPhi, int depth, int harmonics)
    {
        if (!(q > 0.5) || double.IsInfinity(q))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must be finite and > 1/2: sum_k k^-2q diverges otherwise.");
        }

        double[] lambda = CircleKernel.Eigenvalues(qPhi, depth, CircleKernelKind.Ntk, harmonics);
        double largest = 0;
        for (int k = 1; k <= harmonics; k++)
        {
            largest = Math.Max(largest, lambda[k]);
        }

        var eigenvalues = new List<double>(harmonics);
        var wStar = new List<double>(harmonics);
        var kept = new List<int>(harmonics);
        double unreachable = 0;
        for (int k = 1; k <= harmonics; k++)
        {
            double coefficient = Math.Pow(k, -q);
            if (lambda[k] <= ZeroEigenvalue * largest)
            {
                unreachable += coefficient * coefficient / 2;
                continue;
            }

            eigenvalues.Add(lambda[k] / 2);
            wStar.Add(coefficient / Math.Sqrt(lambda[k]));
            kept.Add(k);
        }

        string description = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"circle: target k^-{q} cos(k theta), NTK of a {depth}-hidden-layer ReLU^{qPhi} MLP, harmonics 1..{harmonics}");
        return new CircleTask(Spectrum.FromValues(eigenvalues.ToArray(), wStar.ToArray(), description), kept.ToArray(), unreachable, lambda);
    }
}

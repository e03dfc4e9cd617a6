namespace ScaleSweep.Numerics.Spectra.Circle;

/// <summary>
/// The infinite-width kernels at initialization of an MLP with <c>depth</c> hidden layers and activation
/// phi(h) = ReLU(h)^qPhi on the circle x = (cos theta, sin theta) (Sec. 5.1), and their eigenvalues: a kernel that
/// depends on Delta = theta - theta' only is diagonal in the Fourier harmonics, K(Delta) = lambda_0 + sum_k lambda_k cos(k Delta),
/// so lambda_k is its k-th cosine coefficient. The paper states lambda_k ~ k^-2qPhi (its App. A; alpha = 2 qPhi, eq. 14).
/// </summary>
/// <remarks>
/// Layers without biases, h^1 = W^1 x, h^(l+1) = W^(l+1) phi(h^l) / sqrt(N), f = w . phi(h^L) / sqrt(N) (the readout
/// scale and gamma_0 multiply the kernel by a constant, which leaves the decay alone). With s_l = Sigma^l(0) and
/// rho = Sigma^l(Delta) / s_l, homogeneity of phi gives (<see cref="ArcCosine"/>)
///
///     Sigma^1 = cos Delta,   Sigma^(l+1) = s_l^q J_q(rho),   SigmaDot^(l+1) = q^2 s_l^(q-1) J_(q-1)(rho),
///     Theta^1 = Sigma^1,     Theta^(l+1) = Sigma^(l+1) + Theta^l SigmaDot^(l+1),
///
/// and the NNGP kernel is Sigma^(L+1), the NTK Theta^(L+1). The eigenvalues come from the kernel on a periodic grid of
/// Q points by the trapezoid rule, lambda_k = (2/Q) sum_j K(Delta_j) cos(k Delta_j), which aliases lambda_(mQ +- k) onto
/// lambda_k: a relative error of about 2 zeta(alpha) (k/Q)^alpha, below 1e-4 for k &lt;= Q/64 when alpha &gt;= 2.5 (8e-4 at
/// alpha = 2, 1e-2 at alpha = 1.5).
/// </remarks>
public static class CircleKernel
{
    /// <summary>Grid points per highest harmonic asked for: Q = 64 kMax (at least 4096).</summary>
    public const int GridPerHarmonic = 64;

    /// <summary>K(Delta) of the network.</summary>
    /// <exception cref="ArgumentOutOfRangeException">qPhi not above 1/2 (the NTK's SigmaDot diverges) or depth below 1.</exception>
    public static double Evaluate(double qPhi, int depth, CircleKernelKind kind, double delta)
    {
        Check(qPhi, depth);
        double sigma = Math.Cos(delta), s = 1, theta = sigma;
        for (int l = 1; l <= depth; l++)
        {
            double rho = sigma / s;
            double next = Math.Pow(s, qPhi) * ArcCosine.J(qPhi, rho);
            if (kind == CircleKernelKind.Ntk)
            {
                double dot = qPhi * qPhi * Math.Pow(s, qPhi - 1) * ArcCosine.J(qPhi - 1, rho);
                theta = next + (theta * dot);
            }

            sigma = next;
            s = Math.Pow(s, qPhi) * ArcCosine.J(qPhi, 1.0);
        }

        return kind == CircleKernelKind.Ntk ? theta : sigma;
    }

    /// <summary>lambda_0 .. lambda_kMax (index k) of the kernel, from a grid of max(4096, 64 kMax) points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Evaluate"/>, or kMax below 1 or above 4096.</exception>
    public static double[] Eigenvalues(double qPhi, int depth, CircleKernelKind kind, int kMax)
    {
        Check(qPhi, depth);
        if (kMax is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(kMax), kMax, "The highest harmonic must be from 1 to 4096.");
        }

        int q = Math.Max(4096, GridPerHarmonic * kMax);
        var kernel = new double[(q / 2) + 1];
        for (int j = 0; j < kernel.Length; j++)
        {
            kernel[j] = Evaluate(qPhi, depth, kind, 2 * Math.PI * j / q);
        }

        // The kernel is even, K(Delta_j) = K(Delta_(Q-j)): half the grid, the inner points twice.
        var lambda = new double[kMax + 1];
        for (int k = 0; k <= kMax; k++)
        {
            double sum = kernel[0] + (kernel[^1] * Math.Cos(k * Math.PI));
            for (int j = 1; j < kernel.Length - 1; j++)
            {
                sum += 2 * kernel[j] * Math.Cos(2 * Math.PI * (((long)k * j) % q) / q);
            }

            lambda[k] = (k == 0 ? 1.0 : 2.0) * sum / q;
        }

        return lambda;
    }

    private static void Check(double qPhi, int depth)
    {
        if (!(qPhi > 0.5) || double.IsInfinity(qPhi))
        {
            throw new ArgumentOutOfRangeException(nameof(qPhi), qPhi, "qPhi must be finite and > 1/2: below, E[phi'(h)^2] of ReLU^qPhi diverges and the NTK with it.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
    }
}

namespace ScaleSweep.Numerics.Spectra;

/// <summary>The activation phi of the random features phi(W x / sqrt(d)) of <see cref="KernelSpectrum"/>.</summary>
public enum KernelActivation
{
    /// <summary>phi(h) = max(0, h)^q_phi, the activation of the paper's MLPs (Section 5.1).</summary>
    Relu,

    /// <summary>phi(h) = h: the kernel is x . x' / d, whose eigenvalues are the input covariance's over d.</summary>
    Linear,

    /// <summary>phi(h) = tanh(h).</summary>
    Tanh,
}

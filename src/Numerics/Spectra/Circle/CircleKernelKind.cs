namespace ScaleSweep.Numerics.Spectra.Circle;

/// <summary>Which infinite-width kernel of a network at initialization.</summary>
public enum CircleKernelKind
{
    /// <summary>The neural tangent kernel: the kernel of the lazy (gamma_0 -&gt; 0) training dynamics, every layer trained.</summary>
    Ntk,

    /// <summary>The NNGP kernel: the covariance of the output at initialization (only the readout trained).</summary>
    Nngp,
}

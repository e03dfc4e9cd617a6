namespace ScaleSweep.Numerics.Models;

/// <summary>How a model draws its SGD batches.</summary>
public enum Sampler
{
    /// <summary>Exact in distribution with a per-step cost independent of the batch size B.</summary>
    Fast,

    /// <summary>The literal update: an explicit batch Psi in R^{B x M} every step. The test oracle.</summary>
    Reference,
}

namespace ScaleSweep.Numerics.Models;

/// <summary>Which of the paper's models a run simulates.</summary>
public enum ModelKind
{
    /// <summary>The projected-SGD feature-learning model of eq. 4 (gamma = 0: lazy random features).</summary>
    Projected,

    /// <summary>The centred two-layer linear network of Appendix G, both layers trained by SGD.</summary>
    LinearNetwork,

    /// <summary>
    /// The MLP on the circle of Section 5.1: L hidden layers, activation ReLU(h)^q_phi, centred mean-field / muP
    /// parameterisation with richness gamma_0, target eq. 13 (docs/mlp-circle.md).
    /// </summary>
    MlpCircle,
}

using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.MlpCircle;

/// <summary>
/// What the MLP on the circle (Section 5.1) adds to a <see cref="SimulationConfig"/>: the target's decay q
/// (eq. 13), the activation's power q_phi, the number of hidden layers and the number K of target harmonics.
/// The richness gamma_0, width N, batch B, learning rate eta, steps and seed are the configuration's own fields.
/// </summary>
/// <param name="Q">Target decay q &gt; 1/2: y(theta) = sum_{k=1..K} k^-q cos(k theta) (eq. 13).</param>
/// <param name="QPhi">Activation power q_phi &gt; 1/2: phi(h) = ReLU(h)^q_phi.</param>
/// <param name="Depth">Number of hidden layers L &gt;= 1 (L - 1 of them N x N).</param>
/// <param name="Harmonics">Number K of harmonics the target is truncated at.</param>
public sealed record MlpCircleSettings(double Q, double QPhi, int Depth, int Harmonics)
{
    public const int DefaultDepth = 2;

    /// <summary>Fewest harmonics <see cref="DefaultHarmonics"/> picks.</summary>
    public const int MinDefaultHarmonics = 64;

    /// <summary>Most harmonics <see cref="DefaultHarmonics"/> picks (a step costs B K for the target).</summary>
    public const int MaxDefaultHarmonics = 16_384;

    /// <summary>Fewest quadrature points of the test loss.</summary>
    public const int MinQuadraturePoints = 1024;

    /// <summary>Capacity alpha = 2 q_phi (eq. 14): the initial kernel's eigenvalues decay as k^-2q_phi (Appendix A).</summary>
    public double Alpha => Capacity(QPhi);

    /// <summary>Source beta = (2q - 1)/(2 q_phi) (eq. 14).</summary>
    public double Beta => Source(Q, QPhi);

    /// <summary>
    /// Points of the test-loss grid theta_j = 2 pi j / Q: max(1024, 4K). Q &gt;= 2K + 1 makes the grid mean of
    /// the truncated target's square exact; the margin keeps the aliasing of the network's own harmonics
    /// (which are not band-limited) far below the loss: 1e-6 of it or less, measured (docs/mlp-circle.md).
    /// </summary>
    public int QuadraturePoints => Math.Max(MinQuadraturePoints, 4 * Harmonics);

    /// <summary>Eq. 14: alpha = 2 q_phi.</summary>
    public static double Capacity(double qPhi) => 2.0 * qPhi;

    /// <summary>Eq. 14: beta = (2q - 1)/(2 q_phi).</summary>
    public static double Source(double q, double qPhi) => (2.0 * q - 1.0) / (2.0 * qPhi);

    /// <summary>
    /// The default K for a run of <paramref name="steps"/> steps: a mode k is learned once its kernel
    /// eigenvalue times the (effective) time exceeds one, so by step T the modes up to
    /// k_T = T^(max(1, 2/(1+beta))/alpha) are learned and the loss is at least the tail beyond k_T
    /// (rich time exponent, eq. 10-11; faster than lazy). K = (k_T + 1) 10^(1/(2q-1)) puts the truncation error
    /// sum_{k&gt;K} k^-2q / 2 ~ K^(1-2q) a factor 10 below that tail. Clamped to
    /// [<see cref="MinDefaultHarmonics"/>, <see cref="MaxDefaultHarmonics"/>]; for q near 1/2 the clamp binds
    /// and the margin is smaller (see <see cref="CircleTarget.TruncationError"/> and docs/mlp-circle.md).
    /// </summary>
    public static int DefaultHarmonics(double q, double qPhi, long steps)
    {
        double alpha = Capacity(qPhi), beta = Source(q, qPhi);
        double timeExponent = Math.Max(1.0, 2.0 / (1.0 + beta));
        // + 1e-9: a power that is an integer (10^4^(1/2)) may come out an ulp below it.
        double learned = Math.Floor(DeterministicMath.Pow(Math.Max(steps, 1), timeExponent / alpha) + 1e-9);
        double margin = DeterministicMath.Pow(10.0, 1.0 / (2.0 * q - 1.0));

        // (k_T + 1) rather than k_T: the tail beyond k is close to (k + 1/2)^(1-2q)/(2(2q-1)), so this keeps the
        // ratio below 1/10 after rounding as well.
        double k = (learned + 1.0) * margin;
        return k >= MaxDefaultHarmonics ? MaxDefaultHarmonics : Math.Max(MinDefaultHarmonics, (int)Math.Ceiling(k));
    }
}

using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// The task of a sweep of the MLP on the circle (spec fields "q", "qPhi", "depth", "K"): the grid's first two axes
/// are q_phi and q, in place of alpha and beta, since eq. 14 derives those from them (alpha = 2 q_phi,
/// beta = (2q - 1)/(2 q_phi)) and a grid in (q_phi, q) is not a grid in (alpha, beta).
/// </summary>
/// <param name="Q">Target decays q &gt; 1/2 (eq. 13), a grid axis.</param>
/// <param name="QPhi">Activation powers q_phi &gt; 1/2, a grid axis.</param>
/// <param name="Depth">Hidden layers of every run.</param>
/// <param name="Harmonics">Target harmonics K of every run; null takes <see cref="MlpCircleSettings.DefaultHarmonics"/> per (q, q_phi).</param>
[GenerateSerializer, Immutable]
public sealed record MlpCircleAxes(
    [property: Id(0)] double[] Q,
    [property: Id(1)] double[] QPhi,
    [property: Id(2)] int Depth = MlpCircleSettings.DefaultDepth,
    [property: Id(3)] int? Harmonics = null)
{
    /// <summary>The settings of the task at (q_phi row, q column) for runs of <paramref name="steps"/> steps.</summary>
    public MlpCircleSettings Settings(int row, int column, long steps)
    {
        double q = Q[column], qPhi = QPhi[row];
        return new MlpCircleSettings(q, qPhi, Depth, Harmonics ?? MlpCircleSettings.DefaultHarmonics(q, qPhi, steps));
    }
}

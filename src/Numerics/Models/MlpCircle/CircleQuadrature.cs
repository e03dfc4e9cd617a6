using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.MlpCircle;

/// <summary>
/// The uniform grid theta_j = 2 pi j / Q, j = 0..Q-1, on which the test loss mean_theta (f - y)^2 is taken.
/// The grid mean of a trigonometric polynomial of degree below Q is its exact mean over the circle, so for
/// Q &gt; 2K the grid mean of y^2 (degree 2K) is exact, and of (f - y)^2 it is exact up to aliasing: products of
/// the network's harmonics whose frequencies add up to a multiple of Q (docs/mlp-circle.md measures it).
/// </summary>
public sealed class CircleQuadrature
{
    private readonly double[] _cos, _sin, _target;

    public CircleQuadrature(CircleTarget target, int points)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (points <= 2 * target.Harmonics)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, $"Q must exceed 2K = {2 * target.Harmonics}.");
        }

        Points = points;
        _cos = new double[points];
        _sin = new double[points];
        for (int j = 0; j < points; j++)
        {
            (_sin[j], _cos[j]) = DeterministicMath.SinCosTurns((double)j / points);
        }

        // y(theta_j) = sum_k c_k cos(2 pi k j / Q): cos(2 pi m / Q) from the table at m = k j mod Q, so every
        // harmonic on the grid is as accurate as the table itself (no recurrence). y is even, y(theta_(Q-j)) =
        // y(theta_j), so half the grid is summed (Q K / 2 multiply-adds, the one-off cost of a run).
        _target = new double[points];
        ReadOnlySpan<double> c = target.Coefficients;
        for (int j = 0; j <= points / 2; j++)
        {
            double sum = 0;
            int m = 0;
            for (int k = 0; k < c.Length; k++)
            {
                m += j;
                if (m >= points)
                {
                    m -= points;
                }

                sum += c[k] * _cos[m];
            }

            _target[j] = sum;
            if (j > 0)
            {
                _target[points - j] = sum;
            }
        }
    }

    /// <summary>Number of grid points Q.</summary>
    public int Points { get; }

    public ReadOnlySpan<double> Cos => _cos;

    public ReadOnlySpan<double> Sin => _sin;

    /// <summary>y(theta_j).</summary>
    public ReadOnlySpan<double> Target => _target;
}

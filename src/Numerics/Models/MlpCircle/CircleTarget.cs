using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.MlpCircle;

/// <summary>
/// The target of eq. 13 truncated at K harmonics: y(theta) = sum_{k=1..K} k^-q cos(k theta), no k = 0 term
/// (the paper's sum starts at k = 1, so y has mean zero). Its power over the circle is
/// mean_theta y^2 = sum_{k&lt;=K} k^-2q / 2, which is the loss of the zero function.
/// </summary>
public sealed class CircleTarget
{
    private readonly double[] _coefficients;

    public CircleTarget(double q, int harmonics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(harmonics, 1);
        Q = q;
        _coefficients = new double[harmonics];
        for (int k = 1; k <= harmonics; k++)
        {
            _coefficients[k - 1] = DeterministicMath.Pow(k, -q);
        }
    }

    public double Q { get; }

    public int Harmonics => _coefficients.Length;

    /// <summary>c_k = k^-q for k = 1..K (index k - 1).</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>mean_theta y(theta)^2 = sum_{k&lt;=K} k^-2q / 2: the loss at initialisation of a centred network.</summary>
    public double Power()
    {
        double sum = 0;
        for (int k = _coefficients.Length - 1; k >= 0; k--)
        {
            sum += _coefficients[k] * _coefficients[k];
        }

        return 0.5 * sum;
    }

    /// <summary>
    /// y at the angle with cosine <paramref name="cos"/> and sine <paramref name="sin"/>: cos(k theta) by
    /// rotating (cos, sin) k times (error growing like k ulp, against k^2 for the three-term Chebyshev
    /// recurrence near theta = 0), IEEE multiply and add only, so every machine gets the same bits.
    /// </summary>
    public double Evaluate(double cos, double sin)
    {
        double ck = cos, sk = sin, sum = 0;
        double[] c = _coefficients;
        for (int k = 0; k < c.Length; k++)
        {
            sum += c[k] * ck;
            double next = ck * cos - sk * sin;
            sk = sk * cos + ck * sin;
            ck = next;
        }

        return sum;
    }

    /// <summary>
    /// The truncation error sum_{k&gt;K} k^-2q / 2: the part of the full target's power (eq. 13 with K = infinity)
    /// that a K-harmonic target leaves out. Summed directly up to k = K + 4096 and beyond by Euler-Maclaurin
    /// (integral, half end term and the first two derivative corrections), relative error below 1e-12.
    /// </summary>
    public static double TruncationError(double q, long harmonics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(harmonics, 0);
        if (!(q > 0.5))
        {
            return double.PositiveInfinity;
        }

        double s = 2.0 * q;
        const int Direct = 4096;
        double sum = 0;
        long a = harmonics + Direct + 1; // first term of the tail left to Euler-Maclaurin
        double tail = Math.Pow(a, 1.0 - s) / (s - 1.0) + 0.5 * Math.Pow(a, -s)
            + s / 12.0 * Math.Pow(a, -s - 1.0) - s * (s + 1.0) * (s + 2.0) / 720.0 * Math.Pow(a, -s - 3.0);
        for (long k = a - 1; k > harmonics; k--)
        {
            sum += Math.Pow(k, -s);
        }

        return 0.5 * (sum + tail);
    }
}

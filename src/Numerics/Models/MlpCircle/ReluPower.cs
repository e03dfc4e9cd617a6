using System.Runtime.CompilerServices;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.MlpCircle;

/// <summary>
/// The activation phi(h) = ReLU(h)^q_phi and its derivative phi'(h) = q_phi h^(q_phi - 1) for h &gt; 0, 0 for
/// h &lt;= 0 (the one-sided value at the kink; for q_phi &lt; 1 phi' is unbounded as h -&gt; 0+, but only on a set
/// of measure zero). Multiples of 1/4 (all of Fig. 7a's 0.75..1.75) use multiplications, Math.Sqrt and
/// Math.Sqrt(Math.Sqrt) (correctly rounded by IEEE 754, so the same bits everywhere, and 10x cheaper than a
/// power); any other power uses <see cref="DeterministicMath.Pow"/>, never the platform's pow, whose last bit
/// may differ between machines.
/// </summary>
public sealed class ReluPower
{
    private const int MaxExactPower = 32;
    private readonly double _power;
    private readonly int _wholePart;
    private readonly bool _exact, _half, _quarter;

    public ReluPower(double power)
    {
        if (!double.IsFinite(power) || power <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "q_phi must be a finite number > 0");
        }

        _power = power;
        double quarters = 4.0 * power;
        _exact = quarters == Math.Floor(quarters) && power <= MaxExactPower;
        _wholePart = (int)Math.Floor(power);
        int remainder = _exact ? (int)quarters & 3 : 0;
        _half = (remainder & 2) != 0;
        _quarter = (remainder & 1) != 0;
    }

    public double Power => _power;

    /// <summary>phi(h) for h &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double PositivePower(double h)
    {
        if (!_exact)
        {
            return DeterministicMath.Pow(h, _power);
        }

        double value = 1.0;
        if (_half || _quarter)
        {
            double root = Math.Sqrt(h);
            value = _quarter ? Math.Sqrt(root) : 1.0;
            if (_half)
            {
                value *= root;
            }
        }

        for (int i = 0; i < _wholePart; i++)
        {
            value *= h;
        }

        return value;
    }

    /// <summary>phi(h) into <paramref name="value"/> and phi'(h) into <paramref name="slope"/>, element by element.</summary>
    public void Apply(ReadOnlySpan<double> h, Span<double> value, Span<double> slope)
    {
        for (int i = 0; i < h.Length; i++)
        {
            double x = h[i];
            if (x > 0)
            {
                double v = PositivePower(x);
                value[i] = v;

                // q_phi h^(q_phi - 1) = q_phi phi(h) / h: one division instead of a second power.
                slope[i] = _power * (v / x);
            }
            else
            {
                value[i] = 0;
                slope[i] = 0;
            }
        }
    }

    /// <summary>phi(h) into <paramref name="value"/>, element by element (forward passes that need no slope).</summary>
    public void Apply(ReadOnlySpan<double> h, Span<double> value)
    {
        for (int i = 0; i < h.Length; i++)
        {
            double x = h[i];
            value[i] = x > 0 ? PositivePower(x) : 0;
        }
    }
}

using System.Runtime.CompilerServices;

namespace ScaleSweep.Numerics.Random;

/// <summary>
/// A sequential view of the Philox stream keyed by (seed, stream, step): the key is the seed, the
/// counter is (block, step low, step high, stream). Draws within one (seed, stream, step) are
/// sequential; different steps are independent and need no state from each other, so a
/// checkpoint needs only the step number to continue the random sequence exactly.
/// </summary>
/// <remarks>
/// Gaussians use Marsaglia's polar method with <see cref="DeterministicMath.Log"/> rather than
/// Math.Log: the platform's libm may round differently on another machine, and a run must give the
/// same bits everywhere.
/// </remarks>
public struct CounterRng
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);

    private readonly uint _k0, _k1, _c1, _c2, _c3;
    private uint _block;
    private ulong _buffered;
    private bool _hasBuffered;
    private double _spareGaussian;
    private bool _hasSpare;

    public CounterRng(ulong seed, RandomStream stream, ulong step)
    {
        _k0 = (uint)seed;
        _k1 = (uint)(seed >> 32);
        _c1 = (uint)step;
        _c2 = (uint)(step >> 32);
        _c3 = (uint)stream;
        _block = 0;
        _buffered = 0;
        _hasBuffered = false;
        _spareGaussian = 0;
        _hasSpare = false;
    }

    /// <summary>64 random bits.</summary>
    public ulong NextUInt64()
    {
        if (_hasBuffered)
        {
            _hasBuffered = false;
            return _buffered;
        }

        Philox4x32.Generate(_block++, _c1, _c2, _c3, _k0, _k1, out uint r0, out uint r1, out uint r2, out uint r3);
        _buffered = ((ulong)r3 << 32) | r2;
        _hasBuffered = true;
        return ((ulong)r1 << 32) | r0;
    }

    /// <summary>A uniform double in the open interval (0, 1), on a grid of 2^-53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenUniform() => ((NextUInt64() >> 11) + 0.5) * TwoPowMinus53;

    /// <summary>A standard normal draw.</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        while (true)
        {
            double u = 2.0 * NextOpenUniform() - 1.0;
            double v = 2.0 * NextOpenUniform() - 1.0;
            double s = u * u + v * v;
            if (s >= 1.0 || s == 0.0)
            {
                continue;
            }

            double f = Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
            _spareGaussian = v * f;
            _hasSpare = true;
            return u * f;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with independent standard normal draws.</summary>
    public void FillGaussian(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = NextGaussian();
        }
    }

    /// <summary>
    /// A chi-square draw with <paramref name="degrees"/> degrees of freedom, in time independent of
    /// the degrees: Z^2 for one degree, else 2 Gamma(degrees/2) by Marsaglia and Tsang (2000).
    /// </summary>
    public double NextChiSquare(long degrees)
    {
        if (degrees < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "degrees must be >= 1");
        }

        if (degrees == 1)
        {
            double z = NextGaussian();
            return z * z;
        }

        return 2.0 * NextGammaAtLeastOne(0.5 * degrees);
    }

    private double NextGammaAtLeastOne(double shape)
    {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = NextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0.0)
            {
                continue;
            }

            v = v * v * v;
            double u = NextOpenUniform();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2)
            {
                return d * v;
            }

            if (DeterministicMath.Log(u) < 0.5 * x2 + d * (1.0 - v + DeterministicMath.Log(v)))
            {
                return d * v;
            }
        }
    }
}

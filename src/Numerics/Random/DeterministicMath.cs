namespace ScaleSweep.Numerics.Random;

/// <summary>
/// Elementary functions computed from IEEE add, multiply and divide only, so that they return the
/// same bits on every machine and runtime. Math.Log defers to the platform's C library, whose last
/// bit may differ between systems; a sampler built on it would break bit-identical resume across
/// machines. Accuracy is within a few ulp, which is ample for sampling.
/// </summary>
public static class DeterministicMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;
    private const double TwoPi = 6.283185307179586;

    /// <summary>
    /// Natural logarithm for finite positive x: x = 2^e m with m in [sqrt(1/2), sqrt(2)), then
    /// ln m = 2 atanh(s) with s = (m - 1)/(m + 1), |s| &lt;= 0.1716, summed as an odd series.
    /// </summary>
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
        {
            return x == 0.0 ? double.NegativeInfinity : (double.IsPositiveInfinity(x) ? x : double.NaN);
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first.
            return Log(x * 18014398509481984.0) - 54 * Ln2Hi - 54 * Ln2Lo; // 2^54
        }

        int e = exponent - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }

        double f = m - 1.0;
        double s = f / (2.0 + f);
        double z = s * s;

        // atanh(s)/s = sum_{j>=0} z^j/(2j+1); z <= 0.0295, so 13 terms leave < 1e-19 relative.
        double series = 1.0 / 25.0;
        series = series * z + 1.0 / 23.0;
        series = series * z + 1.0 / 21.0;
        series = series * z + 1.0 / 19.0;
        series = series * z + 1.0 / 17.0;
        series = series * z + 1.0 / 15.0;
        series = series * z + 1.0 / 13.0;
        series = series * z + 1.0 / 11.0;
        series = series * z + 1.0 / 9.0;
        series = series * z + 1.0 / 7.0;
        series = series * z + 1.0 / 5.0;
        series = series * z + 1.0 / 3.0;
        double logM = 2.0 * s + 2.0 * s * z * series;
        return e * Ln2Hi + (logM + e * Ln2Lo);
    }

    /// <summary>
    /// e^x: x = k ln2 + r with |r| &lt;= ln2/2, e^r by its Taylor series to r^14, then scaled by 2^k
    /// through the exponent bits.
    /// </summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 709.782712893384)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.1332191019412)
        {
            return 0.0;
        }

        double kReal = Math.Round(x / (Ln2Hi + Ln2Lo));
        int k = (int)kReal;
        double r = (x - kReal * Ln2Hi) - kReal * Ln2Lo;
        double p = 1.0 + r / 14.0;
        for (int j = 13; j >= 1; j--)
        {
            p = 1.0 + r / j * p;
        }

        return ScaleByPowerOfTwo(p, k);
    }

    /// <summary>x^y for x &gt; 0 as Exp(y Log x); exact for x = 1 and y = 0.</summary>
    public static double Pow(double x, double y)
    {
        if (y == 0.0 || x == 1.0)
        {
            return 1.0;
        }

        return Exp(y * Log(x));
    }

    /// <summary>
    /// sin and cos of 2 pi <paramref name="turns"/> for finite turns (the angle in whole turns, so the range
    /// reduction is exact): turns = k/4 + s with k = round(4 turns) and |s| &lt;= 1/8 exactly, r = 2 pi s
    /// (one rounding), sin r and cos r by their Taylor series to r^17 and r^18 (|r| &lt;= pi/4, remainder
    /// &lt; 1e-19), then rotated by k quarter turns. Within about 2 ulp of Math.SinCos; exact at the quarter
    /// turns, where it returns 0 and +-1.
    /// </summary>
    public static (double Sin, double Cos) SinCosTurns(double turns)
    {
        if (!double.IsFinite(turns))
        {
            return (double.NaN, double.NaN);
        }

        double whole = Math.Round(turns);
        double fraction = turns - whole; // exact: |turns - round(turns)| <= 1/2 and both share an exponent range
        double quarter = Math.Round(4.0 * fraction);
        double s = fraction - 0.25 * quarter; // exact (Sterbenz), |s| <= 1/8
        double r = TwoPi * s;
        double z = r * r;

        double sinSeries = -1.0 / 355687428096000.0; // -1/17!
        sinSeries = sinSeries * z + 1.0 / 1307674368000.0;
        sinSeries = sinSeries * z - 1.0 / 6227020800.0;
        sinSeries = sinSeries * z + 1.0 / 39916800.0;
        sinSeries = sinSeries * z - 1.0 / 362880.0;
        sinSeries = sinSeries * z + 1.0 / 5040.0;
        sinSeries = sinSeries * z - 1.0 / 120.0;
        sinSeries = sinSeries * z + 1.0 / 6.0;
        double sin = r - r * z * sinSeries;

        double cosSeries = 1.0 / 6402373705728000.0; // 1/18!
        cosSeries = cosSeries * z - 1.0 / 20922789888000.0;
        cosSeries = cosSeries * z + 1.0 / 87178291200.0;
        cosSeries = cosSeries * z - 1.0 / 479001600.0;
        cosSeries = cosSeries * z + 1.0 / 3628800.0;
        cosSeries = cosSeries * z - 1.0 / 40320.0;
        cosSeries = cosSeries * z + 1.0 / 720.0;
        cosSeries = cosSeries * z - 1.0 / 24.0;
        cosSeries = cosSeries * z + 0.5;
        double cos = 1.0 - z * cosSeries;

        // Rotate by quarter turns: (sin, cos) of r + k pi/2, k mod 4 in {0, 1, 2, 3}.
        return ((int)quarter & 3) switch
        {
            0 => (sin, cos),
            1 => (cos, -sin),
            2 => (-sin, -cos),
            _ => (-cos, sin),
        };
    }

    private static double ScaleByPowerOfTwo(double value, int k)
    {
        // Two steps keep each factor a normal double even when 2^k alone is not.
        while (k > 1000)
        {
            value *= BitConverter.Int64BitsToDouble((long)(1000 + 1023) << 52);
            k -= 1000;
        }

        while (k < -1000)
        {
            value *= BitConverter.Int64BitsToDouble((long)(-1000 + 1023) << 52);
            k += 1000;
        }

        return value * BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
    }
}

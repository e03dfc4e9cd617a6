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

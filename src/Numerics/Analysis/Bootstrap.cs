using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The pieces of a seed bootstrap shared by the fits: a reproducible generator, resampling with
/// replacement and the percentile interval.
/// </summary>
internal static class Bootstrap
{
    /// <summary>
    /// A generator whose stream depends only on the seed. Xoshiro256** is chosen over
    /// <see cref="System.Random"/> because its algorithm is specified, so intervals stay
    /// reproducible across runtimes.
    /// </summary>
    internal static System.Random CreateRandom(int seed) => new Xoshiro256StarStar(seed, threadSafe: false);

    /// <summary>Fills <paramref name="into"/> with indices drawn uniformly with replacement from <paramref name="pool"/>.</summary>
    internal static void Resample(System.Random random, int[] pool, int[] into)
    {
        for (int j = 0; j < into.Length; j++)
        {
            into[j] = pool[random.Next(pool.Length)];
        }
    }

    /// <summary>
    /// Central percentile interval of the finite replicates (NaN, NaN when there are none).
    /// Sorts the array in place. Uses MathNet's R7 quantile, the definition of NumPy and R's default.
    /// </summary>
    internal static (double Lo, double Hi) PercentileInterval(double[] replicates, int count, double confidence)
    {
        var finite = new double[count];
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (double.IsFinite(replicates[i]))
            {
                finite[n++] = replicates[i];
            }
        }

        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Resize(ref finite, n);
        Array.Sort(finite);
        double tail = (1 - confidence) / 2;
        return (
            SortedArrayStatistics.QuantileCustom(finite, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(finite, 1 - tail, QuantileDefinition.R7));
    }

    /// <summary>Checks the bootstrap arguments once for every public entry point.</summary>
    internal static void RequireArguments(int resamples, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie strictly between 0 and 1.");
        }
    }
}

using MathNet.Numerics;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The exponent x of a bottleneck L(X) ~ X^-x: how the late-time loss of groups that differ only in one
/// size X falls with X (the training-set size P of the data bottleneck, eq. 78, or the width N of the model
/// bottleneck, eq. 76). Ordinary least squares of ln(seed-mean loss) on ln X, with a bootstrap over seeds.
/// </summary>
public static class BottleneckFit
{
    /// <summary>
    /// Fits the seed means of <paramref name="seedLosses"/> (one list of per-seed losses per size) against
    /// <paramref name="sizes"/>, with a percentile interval from resampling each size's seeds with replacement,
    /// independently per size (the sizes are independent runs), and refitting.
    /// </summary>
    /// <remarks>With fewer than two seeds at some size the interval is (NaN, NaN): that size has no spread to resample.</remarks>
    /// <exception cref="ArgumentException">
    /// Fewer than two sizes, sizes not positive, finite and distinct, a size without seeds, or a loss that is
    /// not positive and finite (the message names the size).
    /// </exception>
    public static BottleneckFitResult Fit(
        IReadOnlyList<double> sizes,
        IReadOnlyList<IReadOnlyList<double>> seedLosses,
        int resamples = PowerLawFit.DefaultResamples,
        int seed = PowerLawFit.DefaultBootstrapSeed,
        double confidence = PowerLawFit.DefaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(seedLosses);
        Bootstrap.RequireArguments(resamples, confidence);
        Require(sizes, seedLosses);

        var x = new double[sizes.Count];
        var y = new double[sizes.Count];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Log(sizes[i]);
            y[i] = Math.Log(Mean(seedLosses[i], null));
        }

        (double intercept, double slope) = MathNet.Numerics.Fit.Line(x, y);
        var point = new BottleneckFitResult(-slope, intercept, (double.NaN, double.NaN), x.Length);
        bool spread = true;
        foreach (IReadOnlyList<double> losses in seedLosses)
        {
            spread &= losses.Count >= 2;
        }

        if (!spread || resamples == 0)
        {
            return point;
        }

        System.Random random = Bootstrap.CreateRandom(seed);
        var exponents = new double[resamples];
        int[][] draws = new int[seedLosses.Count][];
        int[][] pools = new int[seedLosses.Count][];
        for (int i = 0; i < draws.Length; i++)
        {
            draws[i] = new int[seedLosses[i].Count];
            pools[i] = new int[seedLosses[i].Count];
            for (int j = 0; j < pools[i].Length; j++)
            {
                pools[i][j] = j;
            }
        }

        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < y.Length; i++)
            {
                Bootstrap.Resample(random, pools[i], draws[i]);
                y[i] = Math.Log(Mean(seedLosses[i], draws[i]));
            }

            (_, double s) = MathNet.Numerics.Fit.Line(x, y);
            exponents[b] = -s;
        }

        return point with { Ci = Bootstrap.PercentileInterval(exponents, resamples, confidence) };
    }

    private static double Mean(IReadOnlyList<double> losses, int[]? draw)
    {
        double sum = 0;
        int count = draw?.Length ?? losses.Count;
        for (int j = 0; j < count; j++)
        {
            sum += losses[draw is null ? j : draw[j]];
        }

        return sum / count;
    }

    private static void Require(IReadOnlyList<double> sizes, IReadOnlyList<IReadOnlyList<double>> seedLosses)
    {
        if (sizes.Count != seedLosses.Count)
        {
            throw new ArgumentException($"{sizes.Count} sizes but {seedLosses.Count} lists of seed losses.", nameof(seedLosses));
        }

        if (sizes.Count < 2)
        {
            throw new ArgumentException($"A bottleneck fit needs at least 2 sizes; got {sizes.Count}.", nameof(sizes));
        }

        var seen = new HashSet<double>();
        for (int i = 0; i < sizes.Count; i++)
        {
            double size = sizes[i];
            if (!(double.IsFinite(size) && size > 0) || !seen.Add(size))
            {
                throw new ArgumentException($"Size {size} must be positive, finite and distinct from the others.", nameof(sizes));
            }

            IReadOnlyList<double> losses = seedLosses[i] ?? throw new ArgumentException($"Size {size} has no seed losses.", nameof(seedLosses));
            if (losses.Count == 0)
            {
                throw new ArgumentException($"Size {size} has no seeds.", nameof(seedLosses));
            }

            foreach (double loss in losses)
            {
                if (!(double.IsFinite(loss) && loss > 0))
                {
                    throw new ArgumentException($"At size {size} a seed's loss is {loss}; a log-log fit needs positive finite losses.", nameof(seedLosses));
                }
            }
        }
    }
}

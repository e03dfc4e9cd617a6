namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The non-diverged seeds of one configuration, copied once so that each bootstrap draw only
/// averages numbers: resampling with replacement, then the mean curve of the draw.
/// </summary>
internal sealed class SeedResampler
{
    private readonly double[][] _losses;
    private readonly int[] _pool;
    private readonly int[] _draw;
    private readonly double[] _mean;

    private SeedResampler(IReadOnlyList<long> steps, double[][] losses)
    {
        Steps = steps;
        _losses = losses;
        _pool = new int[losses.Length];
        for (int j = 0; j < _pool.Length; j++)
        {
            _pool[j] = j;
        }

        _draw = new int[losses.Length];
        _mean = new double[steps.Count];
    }

    /// <summary>The steps shared by the seeds.</summary>
    internal IReadOnlyList<long> Steps { get; }

    /// <summary>
    /// A resampler over the seeds not flagged diverged, or null when fewer than two remain:
    /// one seed carries no information about seed-to-seed spread.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="SeedAggregate.Compute"/>.</exception>
    internal static SeedResampler? Create(IReadOnlyList<SeedCurve> seeds)
    {
        int[] used = SeedAggregate.UsedSeeds(seeds, out _);
        if (used.Length < 2)
        {
            return null;
        }

        var losses = new double[used.Length][];
        for (int j = 0; j < used.Length; j++)
        {
            losses[j] = seeds[used[j]].Loss.ToArray();
        }

        return new SeedResampler(seeds[used[0]].Steps, losses);
    }

    /// <summary>
    /// The mean curve of a draw of as many seeds as there are, with replacement. The returned array
    /// is reused by the next draw.
    /// </summary>
    internal double[] DrawMean(System.Random random)
    {
        Bootstrap.Resample(random, _pool, _draw);
        Array.Clear(_mean);
        foreach (int j in _draw)
        {
            double[] loss = _losses[j];
            for (int i = 0; i < _mean.Length; i++)
            {
                _mean[i] += loss[i];
            }
        }

        for (int i = 0; i < _mean.Length; i++)
        {
            _mean[i] /= _draw.Length;
        }

        return _mean;
    }
}

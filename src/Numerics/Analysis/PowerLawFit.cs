using MathNet.Numerics;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Power-law exponents of loss curves from ordinary least squares in log-log coordinates, with a
/// bootstrap over seeds for the uncertainty.
/// </summary>
public static class PowerLawFit
{
    /// <summary>Bootstrap resamples unless told otherwise; enough for stable 2.5 % and 97.5 % percentiles.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>Seed of the bootstrap generator unless told otherwise, so reports are reproducible.</summary>
    public const int DefaultBootstrapSeed = 20240521;

    /// <summary>Coverage of the percentile interval unless told otherwise.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// The window used when none is given: the last two decades, [max(10, T/100), T], where T is the
    /// last recorded step.
    /// </summary>
    /// <remarks>
    /// The exponents of the paper are asymptotic, so the early transient (the plateau before the
    /// power law sets in) must be skipped; t &gt;= 10 drops the first few noisy steps even for short
    /// runs. When that leaves less than one decade (T &lt; 100) the window becomes [max(1, T/10), T],
    /// one decade, the least over which a slope means anything.
    /// </remarks>
    public static (long T0, long T1) DefaultWindow(long lastStep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastStep, 1);
        long t0 = Math.Max(10, lastStep / 100);
        if (t0 * 10 > lastStep)
        {
            t0 = Math.Max(1, lastStep / 10);
        }

        return (t0, lastStep);
    }

    /// <summary>
    /// Fits one curve (typically a seed mean) over the window, [max(1, T0), T1] inclusive, or over
    /// <see cref="DefaultWindow"/> of its last step when <paramref name="window"/> is null. No interval.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Fewer than two recorded steps fall in the window, or a loss there is not positive and finite
    /// (the message names the step), or the steps are not ascending.
    /// </exception>
    public static PowerLawFitResult Fit(IReadOnlyList<long> steps, IReadOnlyList<double> loss, (long T0, long T1)? window = null)
    {
        CurveChecks.RequireCurve(steps, loss, "Curve");
        (long T0, long T1) w = ResolveWindow(steps, window);
        (int first, int count) = RequireRange(steps, w);
        var x = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = Math.Log(steps[first + i]);
            y[i] = CurveChecks.LogLoss(loss[first + i], steps[first + i], "Curve");
        }

        (double intercept, double slope) = MathNet.Numerics.Fit.Line(x, y);
        return new PowerLawFitResult(
            -slope, intercept, (double.NaN, double.NaN), (steps[first], steps[first + count - 1]), count);
    }

    /// <summary>
    /// Fits the mean curve of the seeds not flagged diverged, with a percentile bootstrap interval:
    /// the used seeds are resampled with replacement, the resampled mean curve is refitted over the
    /// same window, and the central <paramref name="confidence"/> share of the exponents is reported.
    /// </summary>
    /// <remarks>
    /// Resampling whole seeds keeps the correlation along each curve, which per-point errors
    /// would ignore. With fewer than two usable seeds the interval is (NaN, NaN).
    /// </remarks>
    /// <exception cref="ArgumentException">All seeds diverged, or as for <see cref="Fit"/> and <see cref="SeedAggregate.Compute"/>.</exception>
    public static PowerLawFitResult FitSeeds(
        IReadOnlyList<SeedCurve> seeds,
        (long T0, long T1)? window = null,
        int resamples = DefaultResamples,
        int seed = DefaultBootstrapSeed,
        double confidence = DefaultConfidence)
    {
        Bootstrap.RequireArguments(resamples, confidence);
        SeedAggregateResult aggregate = SeedAggregate.Compute(seeds);
        if (aggregate.Used == 0)
        {
            throw new ArgumentException(
                $"All {aggregate.Diverged} seeds diverged (or none were given); there is no curve to fit.", nameof(seeds));
        }

        (long T0, long T1) w = ResolveWindow(aggregate.Steps, window);
        PowerLawFitResult point = Fit(aggregate.Steps, aggregate.Mean, w);
        if (aggregate.Used < 2 || resamples == 0)
        {
            return point;
        }

        return point with { Ci = BootstrapInterval(seeds, w, resamples, seed, confidence) };
    }

    private static (double Lo, double Hi) BootstrapInterval(
        IReadOnlyList<SeedCurve> seeds, (long T0, long T1) window, int resamples, int seed, double confidence)
    {
        SeedResampler resampler = SeedResampler.Create(seeds)!;
        (int first, int count) = CurveChecks.WindowRange(resampler.Steps, window);
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = Math.Log(resampler.Steps[first + i]);
        }

        System.Random random = Bootstrap.CreateRandom(seed);
        var y = new double[count];
        var exponents = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            double[] mean = resampler.DrawMean(random);
            for (int i = 0; i < count; i++)
            {
                // Losses are non-negative, and the full-data mean was checked positive; a draw whose
                // mean still hits 0 gives a non-finite exponent, which the percentile interval leaves out.
                y[i] = Math.Log(mean[first + i]);
            }

            (_, double slope) = MathNet.Numerics.Fit.Line(x, y);
            exponents[b] = -slope;
        }

        return Bootstrap.PercentileInterval(exponents, resamples, confidence);
    }

    private static (long T0, long T1) ResolveWindow(IReadOnlyList<long> steps, (long T0, long T1)? window)
    {
        if (window is { } given)
        {
            return CurveChecks.ClampWindow(given);
        }

        if (steps.Count == 0 || steps[^1] < 1)
        {
            throw new ArgumentException("The curve has no recorded step t >= 1 to fit.");
        }

        return DefaultWindow(steps[^1]);
    }

    private static (int First, int Count) RequireRange(IReadOnlyList<long> steps, (long T0, long T1) window)
    {
        (int first, int count) = CurveChecks.WindowRange(steps, window);
        if (count < 2)
        {
            throw new ArgumentException(
                $"Only {count} recorded step(s) lie in the window [{window.T0}, {window.T1}]; a power-law fit needs at least 2.");
        }

        return (first, count);
    }
}

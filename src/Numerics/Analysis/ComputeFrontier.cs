namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The compute-optimal frontier L*(C) = min over N of L(t = C / N, N), and its exponent r_C
/// (Table 1 of the paper), from loss curves at several widths.
/// </summary>
public static class ComputeFrontier
{
    /// <summary>Compute grid points per decade unless told otherwise.</summary>
    public const int DefaultPointsPerDecade = 20;

    /// <summary>Fewest interior envelope points worth a slope; fewer give "no fit" with a reason.</summary>
    public const int MinimumFitPoints = 3;

    /// <summary>
    /// The lower envelope on a log-spaced compute grid C = 10^(k / pointsPerDecade) (anchored at
    /// decades, so grids of different sweeps line up), covering every C some width reaches.
    /// </summary>
    /// <remarks>
    /// Each width is evaluated at t = C / N by linear interpolation of log L against log t, only
    /// where its recorded steps (t &gt;= 1) reach; grid points no width reaches are left out. Ties go
    /// to the smaller width. A point is marked interior when its winner is neither the smallest nor
    /// the largest width and both neighbouring widths reach that C: a winner whose neighbour was
    /// never run that far won by default, and its slope would measure the sweep, not the model.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// No curves, a width below 1 or repeated, a width with fewer than two steps t &gt;= 1, or a
    /// non-positive loss (naming width and step).
    /// </exception>
    public static IReadOnlyList<FrontierPoint> Envelope(
        IReadOnlyList<WidthCurve> curves, int pointsPerDecade = DefaultPointsPerDecade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerDecade, 1);
        return Envelope(MeanCurves(curves), pointsPerDecade);
    }

    /// <summary>
    /// The envelope (see <see cref="Envelope(IReadOnlyList{WidthCurve}, int)"/>) and r_C fitted by least
    /// squares of log L* on log C over the interior points only, with a bootstrap interval over seeds
    /// when per-seed curves are given.
    /// </summary>
    /// <remarks>
    /// Where the smallest or largest width wins, the envelope follows one width's curve and its slope
    /// is an artefact of the width grid; so with fewer than <see cref="MinimumFitPoints"/> interior
    /// points the exponent is NaN and <see cref="ComputeFrontierResult.Reason"/> says why.
    /// The bootstrap resamples each width's non-diverged seeds with replacement (widths with fewer
    /// than two such seeds keep their mean curve), recomputes the means, the envelope, the interior
    /// range and the fit; resamples without a fit are left out of the interval and counted.
    /// </remarks>
    /// <exception cref="ArgumentException">As for <see cref="Envelope(IReadOnlyList{WidthCurve}, int)"/>, or inconsistent seeds.</exception>
    public static ComputeFrontierResult Compute(
        IReadOnlyList<WidthCurve> curves,
        int pointsPerDecade = DefaultPointsPerDecade,
        int resamples = PowerLawFit.DefaultResamples,
        int seed = PowerLawFit.DefaultBootstrapSeed,
        double confidence = PowerLawFit.DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerDecade, 1);
        Bootstrap.RequireArguments(resamples, confidence);
        LogLogCurve[] means = MeanCurves(curves);
        FrontierPoint[] points = Envelope(means, pointsPerDecade);
        FrontierFit fit = FitInterior(points, means);
        var ci = (double.NaN, double.NaN);
        int bootstrapFits = 0;
        if (fit.Reason is null && resamples > 0)
        {
            (ci, bootstrapFits) = BootstrapInterval(curves, means, pointsPerDecade, resamples, seed, confidence);
        }

        return new ComputeFrontierResult(
            points, fit.Exponent, fit.Intercept, ci, fit.Range, fit.Points, bootstrapFits, fit.Reason);
    }

    private static LogLogCurve[] MeanCurves(IReadOnlyList<WidthCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0)
        {
            throw new ArgumentException("The frontier needs at least one width curve.", nameof(curves));
        }

        var result = new LogLogCurve[curves.Count];
        for (int i = 0; i < curves.Count; i++)
        {
            WidthCurve curve = curves[i] ?? throw new ArgumentException($"Width curve {i} is null.", nameof(curves));
            if (curve.Width < 1)
            {
                throw new ArgumentException($"Width curve {i} has width {curve.Width}; widths must be at least 1.", nameof(curves));
            }

            result[i] = LogLogCurve.Create(curve.Width, curve.Steps, curve.MeanLoss);
        }

        Array.Sort(result, static (x, y) => x.Width.CompareTo(y.Width));
        for (int i = 1; i < result.Length; i++)
        {
            if (result[i].Width == result[i - 1].Width)
            {
                throw new ArgumentException($"Width {result[i].Width} appears twice; give one curve per width.", nameof(curves));
            }
        }

        return result;
    }

    /// <summary>The envelope over curves sorted by ascending width.</summary>
    private static FrontierPoint[] Envelope(LogLogCurve[] sorted, int pointsPerDecade)
    {
        double lowest = double.PositiveInfinity;
        double highest = double.NegativeInfinity;
        foreach (LogLogCurve curve in sorted)
        {
            lowest = Math.Min(lowest, curve.LogWidth + curve.FirstLogT);
            highest = Math.Max(highest, curve.LogWidth + curve.LastLogT);
        }

        // Grid index k stands for C = 10^(k / pointsPerDecade); the 1e-9 keeps exact decades.
        long kFirst = (long)Math.Ceiling((pointsPerDecade * lowest / Math.Log(10)) - 1e-9);
        long kLast = (long)Math.Floor((pointsPerDecade * highest / Math.Log(10)) + 1e-9);
        var points = new List<FrontierPoint>((int)Math.Max(0, kLast - kFirst + 1));
        var covered = new bool[sorted.Length];
        for (long k = kFirst; k <= kLast; k++)
        {
            double log10Compute = (double)k / pointsPerDecade;
            double logCompute = log10Compute * Math.Log(10);
            int best = -1;
            double bestLogLoss = double.PositiveInfinity;
            for (int j = 0; j < sorted.Length; j++)
            {
                covered[j] = sorted[j].TryLogLossAtCompute(logCompute, out double logLoss);
                if (covered[j] && logLoss < bestLogLoss)
                {
                    best = j;
                    bestLogLoss = logLoss;
                }
            }

            if (best < 0)
            {
                continue;
            }

            bool interior = best > 0 && best < sorted.Length - 1 && covered[best - 1] && covered[best + 1];
            points.Add(new FrontierPoint(Math.Pow(10, log10Compute), Math.Exp(bestLogLoss), sorted[best].Width, interior));
        }

        return points.ToArray();
    }

    private static FrontierFit FitInterior(FrontierPoint[] points, LogLogCurve[] sorted)
    {
        var nan = (double.NaN, double.NaN);
        if (sorted.Length < 3)
        {
            return new FrontierFit(double.NaN, double.NaN, nan, 0, $"Only {sorted.Length} width(s): at least 3 are needed so that a width strictly inside the grid can be optimal.");
        }

        int interior = 0;
        foreach (FrontierPoint p in points)
        {
            interior += p.Interior ? 1 : 0;
        }

        if (interior < MinimumFitPoints)
        {
            return new FrontierFit(double.NaN, double.NaN, nan, interior, NoFitReason(points, interior, sorted[0].Width, sorted[^1].Width));
        }

        var x = new double[interior];
        var y = new double[interior];
        int n = 0;
        foreach (FrontierPoint p in points)
        {
            if (p.Interior)
            {
                x[n] = Math.Log(p.Compute);
                y[n] = Math.Log(p.Loss);
                n++;
            }
        }

        (double intercept, double slope) = MathNet.Numerics.Fit.Line(x, y);
        return new FrontierFit(-slope, intercept, (Math.Exp(x[0]), Math.Exp(x[^1])), interior, null);
    }

    private static string NoFitReason(FrontierPoint[] points, int interior, int smallest, int largest)
    {
        int bySmallest = 0;
        int byLargest = 0;
        foreach (FrontierPoint p in points)
        {
            bySmallest += p.Width == smallest ? 1 : 0;
            byLargest += p.Width == largest ? 1 : 0;
        }

        int byDefault = points.Length - bySmallest - byLargest - interior;
        return $"Only {interior} of {points.Length} compute grid points have an interior optimal width "
            + $"(at least {MinimumFitPoints} needed): the smallest width {smallest} wins at {bySmallest}, "
            + $"the largest width {largest} wins at {byLargest}, and {byDefault} are won by a width whose "
            + "neighbour was not evaluated there. A slope over those would measure the edges of the width "
            + "grid, not r_C; widen the grid of widths or run longer.";
    }

    private static ((double Lo, double Hi) Ci, int Fits) BootstrapInterval(
        IReadOnlyList<WidthCurve> curves,
        LogLogCurve[] means,
        int pointsPerDecade,
        int resamples,
        int seed,
        double confidence)
    {
        // Widths without seeds (or with fewer than two usable ones) keep their mean curve.
        var resamplers = new SeedResampler?[means.Length];
        bool any = false;
        foreach (WidthCurve curve in curves)
        {
            if (curve.Seeds is null)
            {
                continue;
            }

            int index = Array.FindIndex(means, c => c.Width == curve.Width);
            try
            {
                resamplers[index] = SeedResampler.Create(curve.Seeds);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Width {curve.Width}: {e.Message}", nameof(curves), e);
            }

            any |= resamplers[index] is not null;
        }

        if (!any)
        {
            return ((double.NaN, double.NaN), 0);
        }

        var resampled = new LogLogCurve[means.Length];
        System.Random random = Bootstrap.CreateRandom(seed);
        var exponents = new double[resamples];
        int fits = 0;
        for (int b = 0; b < resamples; b++)
        {
            for (int j = 0; j < means.Length; j++)
            {
                SeedResampler? resampler = resamplers[j];
                resampled[j] = resampler is null
                    ? means[j]
                    : LogLogCurve.Create(means[j].Width, resampler.Steps, resampler.DrawMean(random));
            }

            FrontierFit fit = FitInterior(Envelope(resampled, pointsPerDecade), resampled);
            exponents[b] = fit.Exponent;
            fits += fit.Reason is null ? 1 : 0;
        }

        return (Bootstrap.PercentileInterval(exponents, resamples, confidence), fits);
    }
}

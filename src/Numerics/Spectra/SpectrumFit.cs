using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// Estimates the capacity alpha and source beta of a spectrum (lambda_k, wStar_k) by inverting the
/// power-law task of eq. 6 (<see cref="Spectrum.PowerLaw"/>): lambda_k = k^-alpha and
/// lambda_k wStar_k^2 = k^-(alpha beta + 1). Two least-squares lines in log-log coordinates over one window
/// of modes give alpha = -(slope of ln lambda_k on ln k) and r = -(slope of ln lambda_k wStar_k^2), and
/// beta = (r - 1)/alpha. The interval is a percentile bootstrap over the modes of the window.
/// </summary>
/// <remarks>
/// Why a bootstrap over modes and not the regression's standard error: the SE assumes independent residuals of
/// equal variance, while a measured spectrum's log residuals grow along the tail (the small eigenvalues of an
/// empirical kernel are the noisiest); resampling (k, lambda_k, wStar_k) triples with replacement does not assume
/// that, and alpha and r refitted on the same draw carry their correlation into beta's interval. It is the
/// machinery of the loss fits (<see cref="PowerLawFit"/>) with modes in place of seeds.
/// </remarks>
public static class SpectrumFit
{
    /// <summary>A line through fewer modes has no interval worth reporting: two points always fit exactly.</summary>
    public const int MinModes = 3;

    /// <summary>
    /// The window used when none is given, chosen as for the loss fits (<see cref="PowerLawFit.DefaultWindow"/>)
    /// with the mode index k in place of the step: the last two decades [max(10, M/100), M], or the last decade
    /// [max(1, M/10), M] when M &lt; 100. The first modes are skipped for the same reason as the first steps: the
    /// asymptotic power law sets in after them.
    /// </summary>
    public static (int K0, int K1) DefaultWindow(int modes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(modes, 1);
        (long t0, long t1) = PowerLawFit.DefaultWindow(modes);
        return ((int)t0, (int)t1);
    }

    /// <summary>
    /// Fits <paramref name="spectrum"/> over the modes k in [K0, K1] (clamped to 1..M), or over
    /// <see cref="DefaultWindow"/>; with <paramref name="resamples"/> &gt; 0, adds the bootstrap intervals.
    /// </summary>
    /// <exception cref="SpectrumException">
    /// Fewer than <see cref="MinModes"/> modes lie in the window, or a mode there has lambda_k = 0 or
    /// wStar_k = 0 (no logarithm); the message names the window or the mode.
    /// </exception>
    public static SpectrumFitResult Fit(
        Spectrum spectrum,
        (int K0, int K1)? window = null,
        int resamples = PowerLawFit.DefaultResamples,
        int seed = PowerLawFit.DefaultBootstrapSeed,
        double confidence = PowerLawFit.DefaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        Bootstrap.RequireArguments(resamples, confidence);
        (int k0, int k1) = window ?? DefaultWindow(spectrum.M);
        int first = Math.Max(1, k0);
        int last = Math.Min(spectrum.M, k1);
        int count = last - first + 1;
        if (count < MinModes)
        {
            throw new SpectrumException(
                $"the window {k0}:{k1} holds {Math.Max(0, count)} of the spectrum's {spectrum.M} modes; a fit needs at least {MinModes}, "
                + $"so choose kmin:kmax within 1:{spectrum.M} with kmax - kmin >= {MinModes - 1}.");
        }

        var x = new double[count];
        var logLambda = new double[count];
        var logPower = new double[count];
        ReadOnlySpan<double> lambda = spectrum.Lambda;
        ReadOnlySpan<double> wStar = spectrum.WStar;
        for (int i = 0; i < count; i++)
        {
            int k = first + i;
            double l = lambda[k - 1];
            double power = l * wStar[k - 1] * wStar[k - 1];
            if (!(l > 0))
            {
                throw new SpectrumException($"mode k = {k}: lambda = {SpectrumValidation.Format(l)} is out of range for a fit: every lambda in the window {first}:{last} must be > 0 (the fit takes its logarithm).");
            }

            if (!(power > 0) || !double.IsFinite(power))
            {
                throw new SpectrumException($"mode k = {k}: lambda wstar^2 = {SpectrumValidation.Format(power)} is out of range for a fit: every wstar in the window {first}:{last} must be nonzero (the fit takes the logarithm of lambda wstar^2).");
            }

            x[i] = Math.Log(k);
            logLambda[i] = Math.Log(l);
            logPower[i] = Math.Log(power);
        }

        (double lambdaIntercept, double lambdaSlope) = MathNet.Numerics.Fit.Line(x, logLambda);
        (double powerIntercept, double powerSlope) = MathNet.Numerics.Fit.Line(x, logPower);
        double alpha = -lambdaSlope;
        double decay = -powerSlope;
        var result = new SpectrumFitResult(
            alpha, (double.NaN, double.NaN), (decay - 1.0) / alpha, (double.NaN, double.NaN), decay,
            lambdaIntercept, powerIntercept, (first, last), count);
        if (resamples == 0)
        {
            return result;
        }

        (var alphaCi, var betaCi) = BootstrapIntervals(x, logLambda, logPower, resamples, seed, confidence);
        return result with { AlphaCi = alphaCi, BetaCi = betaCi };
    }

    private static ((double, double) Alpha, (double, double) Beta) BootstrapIntervals(
        double[] x, double[] logLambda, double[] logPower, int resamples, int seed, double confidence)
    {
        int count = x.Length;
        System.Random random = Bootstrap.CreateRandom(seed);
        var alphas = new double[resamples];
        var betas = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            // Sums of one pass over the draw: both slopes share the resampled k, so one set of x sums serves both.
            double sx = 0, sxx = 0, sl = 0, sxl = 0, sp = 0, sxp = 0;
            for (int j = 0; j < count; j++)
            {
                int i = random.Next(count);
                double xi = x[i];
                sx += xi;
                sxx += xi * xi;
                sl += logLambda[i];
                sxl += xi * logLambda[i];
                sp += logPower[i];
                sxp += xi * logPower[i];
            }

            double sxxCentred = sxx - (sx * sx / count);

            // A draw of one repeated mode has no slope; NaN leaves it out of the percentile interval.
            double alpha = sxxCentred > 1e-12 * sxx ? -(sxl - (sx * sl / count)) / sxxCentred : double.NaN;
            double decay = sxxCentred > 1e-12 * sxx ? -(sxp - (sx * sp / count)) / sxxCentred : double.NaN;
            alphas[b] = alpha;
            betas[b] = (decay - 1.0) / alpha;
        }

        return (Bootstrap.PercentileInterval(alphas, resamples, confidence), Bootstrap.PercentileInterval(betas, resamples, confidence));
    }
}

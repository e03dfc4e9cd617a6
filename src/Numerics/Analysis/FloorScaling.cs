using MathNet.Numerics.Statistics;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// The exact model-size floor over widths and seeds: L_inf(N) of every seed (<see cref="ProjectedFloor"/>),
/// its seed mean and standard error per N, and the exponent x of L_inf ~ N^-x by <see cref="BottleneckFit"/>
/// (log-log least squares of the seed means, bootstrap over seeds), beside the paper's alpha min(2, beta)
/// (eq. 12) and the measured alpha min(1, beta).
/// </summary>
public static class FloorScaling
{
    /// <summary>
    /// Floors of <paramref name="seeds"/> at <paramref name="widths"/> on <paramref name="spectrum"/>; each seed
    /// costs one precomputation at the largest width. The exponent needs two distinct widths and floors above
    /// zero; otherwise <see cref="FloorScalingResult.Fit"/> is null.
    /// </summary>
    /// <param name="alpha">alpha of the task, for the theory exponents.</param>
    /// <param name="beta">beta of the task, for the theory exponents.</param>
    /// <param name="spectrum">The task.</param>
    /// <param name="widths">Widths N, each from 1 to <see cref="SimulationConfigValidation.MaxWidth"/>.</param>
    /// <param name="seeds">Seeds; the floor of seed s is the floor of the run with seed s.</param>
    /// <param name="progress">Called after each seed with the number done, or null.</param>
    public static FloorScalingResult Compute(
        double alpha, double beta, Spectrum spectrum, IReadOnlyList<int> widths, IReadOnlyList<ulong> seeds, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("seeds is empty: give at least one seed.", nameof(seeds));
        }

        int[] n = widths.ToArray();
        var perSeed = new double[seeds.Count][];
        long a0Size = n.Length > 0 ? (long)n.Max() * spectrum.M : 0;
        double[]? a0 = a0Size > 0 && a0Size <= Array.MaxLength ? new double[a0Size] : null; // else ProjectedFloor names the bad width
        for (int s = 0; s < seeds.Count; s++)
        {
            perSeed[s] = ProjectedFloor.Compute(seeds[s], spectrum, n, a0);
            progress?.Invoke(s + 1);
        }

        return Summarise(alpha, beta, n, perSeed);
    }

    /// <summary>
    /// Mean, standard error and exponent from floors already computed: <paramref name="seedFloors"/>[s][i] is the
    /// floor of seed s at width <paramref name="widths"/>[i].
    /// </summary>
    public static FloorScalingResult Summarise(double alpha, double beta, IReadOnlyList<int> widths, IReadOnlyList<double[]> seedFloors)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(seedFloors);
        var mean = new double[widths.Count];
        var sem = new double[widths.Count];
        var byWidth = new double[widths.Count][];
        bool positive = true;
        for (int i = 0; i < widths.Count; i++)
        {
            byWidth[i] = new double[seedFloors.Count];
            for (int s = 0; s < seedFloors.Count; s++)
            {
                byWidth[i][s] = seedFloors[s][i];
                positive &= seedFloors[s][i] > 0;
            }

            (double m, double sd) = byWidth[i].Length > 1 ? ArrayStatistics.MeanStandardDeviation(byWidth[i]) : (byWidth[i][0], double.NaN);
            mean[i] = m;
            sem[i] = sd / Math.Sqrt(byWidth[i].Length);
        }

        var sizes = new double[widths.Count];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = widths[i];
        }

        BottleneckFitResult? fit = positive && sizes.Length >= 2 && sizes.Distinct().Count() == sizes.Length ? BottleneckFit.Fit(sizes, byWidth) : null;
        return new FloorScalingResult(
            widths.ToArray(), byWidth, mean, sem, fit, Exponents.ModelBottleneck(alpha, beta), Exponents.ModelBottleneckMeasured(alpha, beta));
    }
}

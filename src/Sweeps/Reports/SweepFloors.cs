using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// The exact t -&gt; infinity floor of every seed of every group of a projected-model sweep
/// (<see cref="ProjectedFloor"/>): the loss of the best predictor on the run's N features, which no run of that
/// seed goes below, whatever gamma, B, eta or P. It depends on (alpha, beta, M, seed, N) only, so one precomputation
/// per (alpha, beta, seed) at the largest width of the spec serves every group and width. CPU work of
/// O(seeds N^2 M): call it off the grain scheduler, like the rest of the report.
/// </summary>
public static class SweepFloors
{
    /// <summary>
    /// Most multiply-adds (N^2 M / 2 per (alpha, beta, seed)) a report spends on floors: about a minute and a half of one
    /// core (N = 1024, M = 10^5, 5 x 10^10 of them, takes 24 s).
    /// Beyond it the floors are left out and the floor lines say so (`scalesweep theory --floor` computes them).
    /// </summary>
    public const double MaxWork = 2e11;

    /// <summary>
    /// Per group (grid order), the floor of each of its seeds (the spec's seed order); null for every group when the
    /// model is not the projected one or the work exceeds <see cref="MaxWork"/> (see <see cref="Skipped"/>).
    /// </summary>
    public static double[]?[] Compute(SweepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var floors = new double[]?[grid.Groups.Count];
        if (Skipped(grid) is not null)
        {
            return floors;
        }

        SweepSpec spec = grid.Spec;
        int[] widths = [.. spec.N.Distinct().Order()];
        var a0 = new double[(long)widths[^1] * spec.M]; // one A0 for every seed, not one per seed until the collector runs
        foreach (double alpha in spec.Alpha.Distinct())
        {
            foreach (double beta in spec.Beta.Distinct())
            {
                Spectrum spectrum = spec.Spectrum?.ToSpectrum() ?? Spectrum.PowerLaw(alpha, beta, spec.M);
                var bySeed = new double[spec.Seeds.Length][];
                for (int s = 0; s < bySeed.Length; s++)
                {
                    bySeed[s] = ProjectedFloor.Compute(spec.Seeds[s], spectrum, widths, a0);
                }

                for (int g = 0; g < floors.Length; g++)
                {
                    GroupConfig group = grid.Groups[g];
                    if (group.Alpha != alpha || group.Beta != beta)
                    {
                        continue;
                    }

                    int at = Array.IndexOf(widths, group.N);
                    var seeds = new double[bySeed.Length];
                    for (int s = 0; s < seeds.Length; s++)
                    {
                        seeds[s] = bySeed[s][at];
                    }

                    floors[g] = seeds;
                }
            }
        }

        return floors;
    }

    /// <summary>Why a sweep's report has no floors, or null when it has them.</summary>
    public static string? Skipped(SweepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        SweepSpec spec = grid.Spec;
        if (spec.Model != ModelKind.Projected)
        {
            return $"The floor S - b^T K^-1 b is the projected model's; model '{ModelKindNames.Name(spec.Model)}' has none.";
        }

        double largest = spec.N.Max();
        double work = 0.5 * largest * largest * spec.M * spec.Seeds.Length * spec.Alpha.Distinct().Count() * spec.Beta.Distinct().Count();
        if (work > MaxWork || largest * spec.M > Array.MaxLength)
        {
            return FormattableString.Invariant(
                $"Floors left out: {work:G3} multiply-adds (N up to {largest}, M = {spec.M}, {spec.Seeds.Length} seeds) exceed the report's budget of {MaxWork:G3}; `scalesweep theory --floor` computes them.");
        }

        return null;
    }
}

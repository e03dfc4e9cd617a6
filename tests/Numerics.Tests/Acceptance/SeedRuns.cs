using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Tests.Acceptance;

/// <summary>Runs seeds 0..K-1 of a configuration in parallel, as the product does.</summary>
internal static class SeedRuns
{
    public static SeedCurve[] Run(SimulationConfig template, int seeds)
    {
        var curves = new SeedCurve[seeds];
        Parallel.For(0, seeds, s =>
        {
            var simulation = SimulationFactory.Create(template with { Seed = (ulong)s });
            simulation.Advance(long.MaxValue);
            curves[s] = new SeedCurve(simulation.Curve.Steps, simulation.Curve.Loss, simulation.Status == SimulationStatus.Diverged);
        });
        Assert.All(curves, c => Assert.False(c.Diverged));
        return curves;
    }

    /// <summary>Standard error of a bootstrap estimate from its 95% percentile interval.</summary>
    public static double StandardError((double Lo, double Hi) ci) => (ci.Hi - ci.Lo) / (2 * 1.96);

    /// <summary>
    /// The exact N, B -> infinity lazy curve, L(t) = sum_k lambda_k wStar_k^2 (1 - eta lambda_k)^(2t)
    /// (w(0) = 0, A^T A / N -> I), and its least-squares log-log slope over the same recorded steps
    /// as a simulation's fit: the finite-window value of the exponent that the paper gives as t -> inf.
    /// </summary>
    public static double InfiniteWidthLazySlope(double alpha, double beta, int m, double eta, IReadOnlyList<long> steps, (long T0, long T1) window)
    {
        var spectrum = ScaleSweep.Numerics.Spectra.Spectrum.PowerLaw(alpha, beta, m);
        var x = new List<double>();
        var y = new List<double>();
        foreach (long t in steps)
        {
            if (t < window.T0 || t > window.T1)
            {
                continue;
            }

            double loss = 0;
            for (int k = 0; k < m; k++)
            {
                double l = spectrum.Lambda[k];
                loss += l * spectrum.WStar[k] * spectrum.WStar[k] * Math.Pow(1 - eta * l, 2.0 * t);
            }

            x.Add(Math.Log(t));
            y.Add(Math.Log(loss));
        }

        return -MathNet.Numerics.Fit.Line(x.ToArray(), y.ToArray()).B;
    }
}

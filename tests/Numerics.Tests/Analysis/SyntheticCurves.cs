using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Numerics.Tests.Analysis;

/// <summary>Known curves on the recorder's kind of step grid, for the analysis tests.</summary>
internal static class SyntheticCurves
{
    /// <summary>0 then the distinct integers round(10^(k / perDecade)) up to <paramref name="last"/>, like the log-grid recorder.</summary>
    internal static long[] LogSteps(long last, int perDecade)
    {
        var steps = new List<long> { 0 };
        for (int k = 0; ; k++)
        {
            long t = (long)Math.Round(Math.Pow(10, (double)k / perDecade));
            if (t > last)
            {
                break;
            }

            if (t > steps[^1])
            {
                steps.Add(t);
            }
        }

        if (steps[^1] != last)
        {
            steps.Add(last);
        }

        return steps.ToArray();
    }

    /// <summary>f at every step, with f(0) taken as f(1) since power laws blow up at t = 0.</summary>
    internal static double[] Evaluate(long[] steps, Func<double, double> f)
    {
        var loss = new double[steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            loss[i] = f(Math.Max(1, steps[i]));
        }

        return loss;
    }

    /// <summary>
    /// Seeds whose loss is f(t) exp(sigma z) with z standard normal, independent over seeds and
    /// steps; reproducible from <paramref name="seed"/>.
    /// </summary>
    internal static SeedCurve[] NoisySeeds(long[] steps, Func<double, double> f, int count, double sigma, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var seeds = new SeedCurve[count];
        for (int s = 0; s < count; s++)
        {
            double[] loss = Evaluate(steps, f);
            for (int i = 0; i < loss.Length; i++)
            {
                loss[i] *= Math.Exp(sigma * Normal.Sample(random, 0, 1));
            }

            seeds[s] = new SeedCurve(steps, loss);
        }

        return seeds;
    }
}

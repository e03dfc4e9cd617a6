using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The steps at which a curve is recorded: 0, then round(10^(j/P)) for j = 0, 1, ... (each step
/// once), and always the last step T. Powers use <see cref="DeterministicMath"/> so every machine
/// records the same steps.
/// </summary>
public static class LogGrid
{
    public static long[] Steps(long lastStep, int pointsPerDecade)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastStep);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerDecade, 1);
        var steps = new List<long> { 0 };
        for (int j = 0; ; j++)
        {
            double value = DeterministicMath.Pow(10.0, (double)j / pointsPerDecade);
            if (value > lastStep + 0.5)
            {
                break;
            }

            long step = (long)Math.Round(value);
            if (step > steps[^1] && step <= lastStep)
            {
                steps.Add(step);
            }
        }

        if (steps[^1] != lastStep)
        {
            steps.Add(lastStep);
        }

        return steps.ToArray();
    }
}

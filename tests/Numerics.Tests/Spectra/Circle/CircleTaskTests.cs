using ScaleSweep.Numerics.Spectra.Circle;

namespace ScaleSweep.Numerics.Tests.Spectra.Circle;

/// <summary>The circle experiment as a task of the solvable model: eigenvalues and target coefficients per harmonic.</summary>
public class CircleTaskTests
{
    /// <summary>
    /// Depth 2: every harmonic is reachable, so L(0) of the task is the target's mean square sum_k k^-2q / 2, and each
    /// harmonic is its cosine mode, at lambda_k / 2, carrying k^-2q / 2.
    /// </summary>
    [Fact]
    public void EachHarmonicIsItsCosineModeCarryingTheTarget()
    {
        const double q = 1.4;
        CircleTask task = CircleTask.Create(q, 1, 2, 64);

        double meanSquare = Enumerable.Range(1, 64).Sum(k => Math.Pow(k, -2 * q) / 2);
        Assert.Equal(64, task.Spectrum.M);
        Assert.Equal(Enumerable.Range(1, 64), task.Harmonics);
        Assert.Equal(0, task.UnreachablePower);
        Assert.Equal(meanSquare, task.Spectrum.InitialLoss, 12);
        for (int k = 1; k <= 64; k++)
        {
            double lambda = task.HarmonicEigenvalues[k];
            Assert.Equal(lambda / 2, task.Spectrum.Lambda[k - 1]);
            Assert.Equal(Math.Pow(k, -2 * q) / 2, task.Spectrum.WStar[k - 1] * task.Spectrum.WStar[k - 1] * lambda / 2, 14);
        }
    }

    /// <summary>One ReLU layer has no odd harmonic from 3 on: those modes are left out and their target power counted as unreachable.</summary>
    [Fact]
    public void HarmonicsTheKernelLacksAreLeftOutAndTheirPowerCounted()
    {
        const double q = 1.0;
        CircleTask task = CircleTask.Create(q, 1, 1, 33);

        double odd = Enumerable.Range(1, 16).Select(i => (2 * i) + 1).Sum(k => Math.Pow(k, -2 * q) / 2);
        Assert.Equal(odd, task.UnreachablePower, 14);
        Assert.Equal([1, .. Enumerable.Range(1, 16).Select(i => 2 * i)], task.Harmonics); // k = 1 and the 16 even harmonics
        Assert.Equal(Enumerable.Range(1, 33).Sum(k => Math.Pow(k, -2 * q) / 2) - odd, task.Spectrum.InitialLoss, 12);
    }

    [Fact]
    public void ATargetWhosePowerDivergesIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CircleTask.Create(0.5, 1, 2, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => CircleTask.Create(1.4, 0.5, 2, 16));
    }
}

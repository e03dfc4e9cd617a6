using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Numerics.Tests.Theory.Dmft;

/// <summary>
/// The DMFT on a measured spectrum (<see cref="DmftSettings.Spectrum"/>): summed exactly when it fits the mode budget,
/// else in bins (<see cref="ModeQuadrature.Binned"/>) that keep the two first sums exactly.
/// </summary>
public class MeasuredSpectrumDmftTests
{
    /// <summary>A spectrum within the budget is summed exactly: the same bits as the power law it was written from.</summary>
    [Theory]
    [InlineData(0.0, double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(1.0, double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(1.0, 32.0, 8.0)]
    public void ASpectrumWithinTheBudgetGivesThePowerLawsBits(double gamma, double n, double b)
    {
        var settings = new DmftSettings(2.0, 0.4, 200, gamma, n, b, 0.05, 300);

        DmftCurve powerLaw = DmftSolver.Solve(settings, new DmftOptions { Modes = 256 });
        DmftCurve measured = DmftSolver.Solve(settings with { Spectrum = Spectrum.PowerLaw(2.0, 0.4, 200) }, new DmftOptions { Modes = 256 });

        Assert.Equal(powerLaw.Loss.ToArray(), measured.Loss.ToArray());
    }

    /// <summary>Bins keep sum_k lambda_k and the target power sum_k wStar_k^2 lambda_k of the whole spectrum (to 1e-12).</summary>
    [Fact]
    public void BinsKeepTheEigenvalueSumAndTheTargetPower()
    {
        Spectrum spectrum = Spectrum.PowerLaw(1.5, 0.7, 20_000);

        ModeSet modes = ModeQuadrature.Binned(spectrum, 256);

        double lambda = 0, power = 0, count = 0;
        for (int j = 0; j < modes.Count; j++)
        {
            lambda += modes.Weight[j] * modes.Lambda[j];
            power += modes.Weight[j] * modes.WStar[j] * modes.WStar[j] * modes.Lambda[j];
            count += modes.Weight[j];
        }

        Assert.Equal(256, modes.Count);
        Assert.Equal(20_000, count);
        Assert.Equal(Sum(spectrum.Lambda), lambda, 1e-12 * lambda);
        Assert.Equal(spectrum.InitialLoss, power, 1e-12 * power);
    }

    /// <summary>
    /// Binned against the power law's quadrature (both 256 modes for M = 10^4): the rich gradient-flow curve to
    /// T = 3000 agrees within 1e-3 over the recorded grid (measured: 1.4e-5).
    /// </summary>
    [Fact]
    public void BinnedAgreesWithThePowerLawQuadrature()
    {
        var settings = new DmftSettings(2.0, 0.4, 10_000, 1.0, double.PositiveInfinity, double.PositiveInfinity, 0.05, 3000);

        DmftCurve powerLaw = DmftSolver.Solve(settings);
        DmftCurve binned = DmftSolver.Solve(settings with { Spectrum = Spectrum.PowerLaw(2.0, 0.4, 10_000) });

        double worst = 0;
        for (int i = 0; i < powerLaw.Loss.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs((binned.Loss[i] / powerLaw.Loss[i]) - 1));
        }

        Assert.True(worst < 1e-3, $"largest relative difference {worst}");
    }

    [Fact]
    public void MMustBeTheSpectrumsModeCount()
    {
        var settings = new DmftSettings(2.0, 0.4, 100, 0, double.PositiveInfinity, double.PositiveInfinity, 0.05, 10) { Spectrum = Spectrum.PowerLaw(2.0, 0.4, 200) };

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => DmftSolver.Solve(settings));
        Assert.Contains("200", e.Message);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }
}

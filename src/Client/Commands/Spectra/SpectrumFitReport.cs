using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Commands.Spectra;

/// <summary>
/// What `spectrum fit` reports: the fit and the theory of the fitted task. The theory needs alpha &gt; 1 and
/// beta &gt; 0 (a trace-class kernel, a target of finite variance); outside that it is null and
/// <see cref="NoTheory"/> says why.
/// </summary>
internal sealed record SpectrumFitReport(
    string Source,
    int Modes,
    SpectrumFitResult Fit,
    TaskPhase? Phase,
    double? ChiLazy,
    double? ChiRich,
    double? ModelBottleneck,
    double? ModelFloorCorrected,
    string? NoTheory,
    double? ChiSelfConsistentRich = null)
{
    /// <summary>
    /// Eq. 10's self-consistent rich exponent (gamma = 1) on the spectrum itself, not on a fitted power law
    /// (<see cref="SelfConsistentChi"/>); null when the spectrum's eigenvalues span too little for its time window.
    /// </summary>
    public static double? SelfConsistentRich(Spectrum spectrum)
    {
        try
        {
            return SelfConsistentChi.Solve(spectrum.Lambda, spectrum.WStar, 1.0).Chi;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            return null;
        }
    }

    public static SpectrumFitReport From(string source, Spectrum spectrum, SpectrumFitResult fit)
    {
        if (!(fit.Alpha > 1))
        {
            return Without(source, spectrum, fit, "the fitted alpha is <= 1 (not trace-class), outside the theory's alpha > 1");
        }

        if (!(fit.Beta > 0))
        {
            return Without(source, spectrum, fit, "the fitted beta is <= 0 (the target power falls no faster than 1/k), outside the theory's beta > 0");
        }

        return new SpectrumFitReport(
            source,
            spectrum.M,
            fit,
            Exponents.Phase(fit.Alpha, fit.Beta),
            Exponents.ChiLazy(fit.Beta),
            Exponents.ChiRich(fit.Beta),
            Exponents.ModelBottleneck(fit.Alpha, fit.Beta),
            Exponents.ModelBottleneckMeasured(fit.Alpha, fit.Beta),
            null,
            SelfConsistentRich(spectrum));
    }

    private static SpectrumFitReport Without(string source, Spectrum spectrum, SpectrumFitResult fit, string why) =>
        new(source, spectrum.M, fit, null, null, null, null, null, why);
}

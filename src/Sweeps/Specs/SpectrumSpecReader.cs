using System.Globalization;
using System.Text.Json;
using ScaleSweep.Numerics.Spectra;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// Reads the measured task of a power-law model's spec: "spectrum" (a spectrum file, read here once, so the
/// sweep carries its values), and the "alpha", "beta" and "M" that a spectrum fixes or labels: M is the file's
/// mode count (given, it must match), alpha and beta one number each or, left out, the spectrum's fit over its
/// default window (as `scalesweep spectrum fit` prints it).
/// </summary>
internal static class SpectrumSpecReader
{
    /// <summary>The task of a spec with "spectrum": its values, one alpha, one beta and M.</summary>
    public static (SpecSpectrum Spectrum, double[] Alpha, double[] Beta, int M) Read(
        Dictionary<string, JsonElement> fields, SweepLimits limits, string? baseDirectory, List<string> scalarGrids)
    {
        string range = R.Spectrum(limits);
        string path = SpecJson.String(fields[F.Spectrum], F.Spectrum, range);
        Spectrum spectrum = Load(path, baseDirectory, range);

        // A given M, and the labels' counts, are checked against the file by the validator (one rule, however the spec arrives).
        int m = SweepSpecParser.Optional(fields, F.M) is { } mElement ? SpecJson.Int32(mElement, F.M, R.M) : spectrum.M;

        double[]? alpha = Label(fields, F.Alpha, scalarGrids);
        double[]? beta = Label(fields, F.Beta, scalarGrids);
        string? labelsFrom = null;
        if (alpha is null || beta is null)
        {
            SpectrumFitResult fit = Fit(spectrum, path);
            string fitted = alpha is null && beta is null ? "alpha and beta" : alpha is null ? "alpha" : "beta";
            labelsFrom = string.Create(CultureInfo.InvariantCulture, $"{fitted} fitted over modes {fit.Window.K0}..{fit.Window.K1}, as scalesweep spectrum fit does");
            alpha ??= [Fitted(F.Alpha, fit.Alpha, fit.Alpha > 1, path)];
            beta ??= [Fitted(F.Beta, fit.Beta, fit.Beta > 0, path)];
        }

        return (SpecSpectrum.Of(spectrum, path, labelsFrom), alpha, beta, m);
    }

    private static Spectrum Load(string path, string? baseDirectory, string range)
    {
        string full = Path.IsPathRooted(path) || baseDirectory is null ? path : Path.Combine(baseDirectory, path);
        try
        {
            if (Directory.Exists(full))
            {
                throw new SweepSpecException(F.Spectrum, $"{R.Quote(path)} is a directory, not a spectrum file: {range}");
            }

            if (!File.Exists(full))
            {
                throw new SweepSpecException(F.Spectrum, $"{R.Quote(path)} does not exist ({full}): {range}");
            }

            return SpectrumCsv.Load(full);
        }
        catch (SpectrumException e)
        {
            throw new SweepSpecException(F.Spectrum, $"{R.Quote(path)}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepSpecException(F.Spectrum, $"cannot read {R.Quote(path)}: {e.Message}");
        }
    }

    /// <summary>A label as given (the validator wants one number); null when left out.</summary>
    private static double[]? Label(Dictionary<string, JsonElement> fields, string field, List<string> scalarGrids)
    {
        if (SweepSpecParser.Optional(fields, field) is not { } element)
        {
            return null;
        }

        return SpecJson.Grid(element, field, scalarGrids, SpecJson.Double);
    }

    private static SpectrumFitResult Fit(Spectrum spectrum, string path)
    {
        try
        {
            return SpectrumFit.Fit(spectrum, resamples: 0);
        }
        catch (SpectrumException e)
        {
            throw new SweepSpecException(F.Spectrum, $"{R.Quote(path)}: alpha and beta cannot be fitted ({e.Message}); {R.SpectrumLabels}");
        }
    }

    /// <summary>A fitted label the theory can use, or a message naming the fit and the way out.</summary>
    private static double Fitted(string field, double value, bool allowed, string path) => allowed
        ? value
        : throw new SweepSpecException(
            F.Spectrum,
            string.Create(CultureInfo.InvariantCulture, $"{R.Quote(path)}: its fitted {field} = {value:G4} is out of range ({(field == F.Alpha ? R.Alpha : R.Beta)}); {R.SpectrumLabels}"));
}

using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// A measured task of a sweep (spec field "spectrum"): the eigenvalues Lambda and target coefficients WStar of a
/// spectrum file, carried by value so every silo runs the same task without reading the user's file; the file's
/// name only labels it. Its values enter every run's fingerprint (<see cref="Spectrum.Fingerprint"/>), hence the
/// sweep id: an edited file is another sweep, a moved one the same.
/// </summary>
/// <param name="Source">The file as the spec named it, for reports.</param>
/// <param name="Lambda">Eigenvalues lambda_k, k = 1..M.</param>
/// <param name="WStar">Target coefficients wStar_k in the same basis.</param>
/// <param name="LabelsFrom">
/// Where the sweep's alpha and beta labels came from, for reports: "fitted over modes k0..k1" when the spec left them
/// out, null when it gave them. Not part of any run's fingerprint (the labels themselves are).
/// </param>
[GenerateSerializer, Immutable]
public sealed record SpecSpectrum(
    [property: Id(0)] string Source,
    [property: Id(1)] double[] Lambda,
    [property: Id(2)] double[] WStar,
    [property: Id(3)] string? LabelsFrom = null)
{
    // The arrays it was built from too: a `with` copy keeps this field, and must not keep another copy's task.
    [NonSerialized]
    private Built? _spectrum; // one reference, so a reader on another thread sees a whole entry or none

    /// <summary>Number of modes M.</summary>
    public int M => Lambda.Length;

    /// <summary>The task, validated once and shared by every run of the sweep (so their fingerprints hash it once).</summary>
    /// <exception cref="SpectrumException">The values are not a valid spectrum (a spec object built in code).</exception>
    public Spectrum ToSpectrum()
    {
        if (_spectrum is { } built && ReferenceEquals(built.Lambda, Lambda) && ReferenceEquals(built.WStar, WStar))
        {
            return built.Task;
        }

        Spectrum task = Spectrum.FromValues(Lambda, WStar, $"spectrum file {Source}");
        _spectrum = new Built(Lambda, WStar, task);
        return task;
    }

    /// <summary>The values of <paramref name="spectrum"/>, labelled by <paramref name="source"/>.</summary>
    public static SpecSpectrum Of(Spectrum spectrum, string source, string? labelsFrom = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var values = new SpecSpectrum(source, spectrum.Lambda.ToArray(), spectrum.WStar.ToArray(), labelsFrom);
        values._spectrum = new Built(values.Lambda, values.WStar, spectrum);
        return values;
    }

    /// <summary>The task as reports name it: the file, its modes, and where alpha and beta come from.</summary>
    public string Describe(double alpha, double beta) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"spectrum file {Source} (M = {M} modes); alpha = {alpha:G4}, beta = {beta:G4} label it for theory ({LabelsFrom ?? "given in the spec"})");

    private sealed record Built(double[] Lambda, double[] WStar, Spectrum Task);
}

using ScaleSweep.Client.Commands;
using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Client.Output;

/// <summary>
/// The one JSON object `scalesweep theory --floor --json` prints: the seed-mean exact floor per width with its
/// standard error, the fitted exponent x of L ~ N^-x with its 95% seed-bootstrap interval (null with one seed),
/// the paper's exponent alpha min(2, beta) (eq. 12) and the corrected alpha min(1, beta) that the exact floor
/// and the simulations follow; then the settings and the time taken.
/// </summary>
internal sealed record TheoryFloorJson(
    IReadOnlyList<TheoryFloorJson.PointJson> Points,
    double? Exponent,
    double[]? Ci,
    double PaperExponent,
    double CorrectedExponent,
    double Alpha,
    double Beta,
    int M,
    int Seeds,
    double Seconds,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] SimulateJson.SpectrumJson? Spectrum = null)
{
    /// <summary>One width: the seed mean of the floor and its standard error (null with one seed).</summary>
    internal sealed record PointJson([property: System.Text.Json.Serialization.JsonPropertyName("N")] int N, double Mean, double? Sem);

    public static TheoryFloorJson From(TheoryFloor.Request request, FloorScalingResult result, double seconds)
    {
        var points = new PointJson[result.Widths.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = new PointJson(result.Widths[i], result.Mean[i], JsonOutput.Finite(result.Sem[i]));
        }

        BottleneckFitResult? fit = result.Fit;
        double[]? ci = fit is not null && double.IsFinite(fit.Ci.Lo) && double.IsFinite(fit.Ci.Hi) ? [fit.Ci.Lo, fit.Ci.Hi] : null;
        return new TheoryFloorJson(
            points, fit?.Exponent, ci, result.PaperExponent, result.MeasuredExponent, request.Alpha, request.Beta, request.M, request.Seeds, seconds,
            request.Spectrum is { } s && request.SpectrumPath is { } path ? new SimulateJson.SpectrumJson(path, s.M, s.Fingerprint) : null);
    }
}

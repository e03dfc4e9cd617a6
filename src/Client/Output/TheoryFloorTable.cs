using System.Globalization;
using ScaleSweep.Client.Commands;
using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Client.Output;

/// <summary>
/// The readable report of `scalesweep theory --floor`: a settings line, the seed-mean floor per width with its
/// standard error, then the fitted exponent beside the paper's and the corrected one, each named.
/// </summary>
internal static class TheoryFloorTable
{
    /// <summary>Writes to <paramref name="writer"/>; text lines are broken between words to <paramref name="width"/>.</summary>
    public static void Write(TextWriter writer, int width, TheoryFloor.Request request, FloorScalingResult result, double seconds)
    {
        TextWrap.Write(
            writer,
            (request.Spectrum is { } spectrum
                ? $"floor: spectrum={request.SpectrumPath} (fingerprint {spectrum.Fingerprint[..12]}; fitted alpha={NumberFormat.Exponent(request.Alpha)} beta={NumberFormat.Exponent(request.Beta)}) M={NumberFormat.Integer(request.M)} "
                : $"floor: alpha={NumberFormat.Parameter(request.Alpha)} beta={NumberFormat.Parameter(request.Beta)} M={NumberFormat.Integer(request.M)} ")
            + $"seeds={request.Seeds}: the exact t -> inf loss of the projected model, S - b^T K^-1 b (the best predictor on the N features A0 psi), "
            + $"{seconds.ToString("F1", CultureInfo.InvariantCulture)} s",
            width);

        var points = new TextTable().AddColumn("N").AddColumn("mean floor").AddColumn("SE");
        for (int i = 0; i < result.Widths.Count; i++)
        {
            points.AddRow(
                NumberFormat.Integer(result.Widths[i]),
                NumberFormat.Value(result.Mean[i]),
                double.IsFinite(result.Sem[i]) ? NumberFormat.Value(result.Sem[i]) : "-");
        }

        points.Write(writer, width);

        var exponents = new TextTable().AddColumn("exponent x of L ~ N^-x", right: false).AddColumn("value").AddColumn("95% CI", right: false);
        exponents.AddRow("fitted to the exact floor (this run)", Fitted(result.Fit), Interval(result.Fit));
        exponents.AddRow("paper, eq. 12: alpha min(2, beta)", NumberFormat.Exponent(result.PaperExponent), string.Empty);
        exponents.AddRow("corrected: alpha min(1, beta)", NumberFormat.Exponent(result.MeasuredExponent), string.Empty);
        exponents.Write(writer, width);
        TextWrap.Write(writer, FloorNote.For(request.Alpha, request.Beta), width);
        writer.Flush();
    }

    private static string Fitted(BottleneckFitResult? fit) => fit is null ? "-" : NumberFormat.Exponent(fit.Exponent);

    private static string Interval(BottleneckFitResult? fit) => fit switch
    {
        null => "-",
        _ when double.IsFinite(fit.Ci.Lo) && double.IsFinite(fit.Ci.Hi) => $"{NumberFormat.Exponent(fit.Ci.Lo)} .. {NumberFormat.Exponent(fit.Ci.Hi)}",
        _ => "- (one seed)",
    };
}

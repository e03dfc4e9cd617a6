using ScaleSweep.Client.Commands.Spectra;

namespace ScaleSweep.Client.Output;

/// <summary>The readable report of `scalesweep spectrum fit`.</summary>
internal static class SpectrumFitTable
{
    public static void Write(TextWriter writer, int width, SpectrumFitReport report, IReadOnlyList<string> plots)
    {
        var fit = report.Fit;
        TextWrap.Write(
            writer,
            $"spectrum fit: {report.Source}, M={report.Modes}, window k={fit.Window.K0}:{fit.Window.K1} ({fit.Modes} modes); "
            + "lambda_k ~ k^-alpha, lambda_k wstar_k^2 ~ k^-(alpha beta + 1); 95% CI: bootstrap over the modes of the window",
            width);
        var estimates = new TextTable().AddColumn("estimate", right: false).AddColumn("value").AddColumn("95% CI");
        estimates.AddRow("alpha (lambda_k ~ k^-alpha)", NumberFormat.Exponent(fit.Alpha), Interval(fit.AlphaCi));
        estimates.AddRow("beta ((lambda wstar^2)_k ~ k^-(alpha beta+1))", NumberFormat.Exponent(fit.Beta), Interval(fit.BetaCi));
        estimates.Write(writer, width);
        if (report.NoTheory is { } why)
        {
            TextWrap.Write(writer, $"no theory: {why}.", width);
        }
        else
        {
            TextWrap.Write(writer, $"{TheoryTable.PhaseName(report.Phase!.Value)} task; exponents of the fitted task (theory):", width);
            var theory = new TextTable().AddColumn("exponent", right: false).AddColumn("value");
            theory.AddRow("time, lazy: L ~ t^-beta", NumberFormat.Exponent(report.ChiLazy!.Value));
            theory.AddRow("time, rich: t^-(beta max(1, 2/(1+beta)))", NumberFormat.Exponent(report.ChiRich!.Value));
            theory.AddRow(
                "time, rich: eq. 10 on this spectrum (gamma=1)",
                report.ChiSelfConsistentRich is { } chi ? NumberFormat.Exponent(chi) : "n/a (too few modes)");
            theory.AddRow("floor (paper eq.12): N^-(alpha min(2,beta))", NumberFormat.Exponent(report.ModelBottleneck!.Value));
            theory.AddRow("floor (corrected): N^-(alpha min(1,beta))", NumberFormat.Exponent(report.ModelFloorCorrected!.Value));
            theory.Write(writer, width);
        }

        foreach (string plot in plots)
        {
            writer.WriteLine($"wrote {plot}");
        }
    }

    private static string Interval((double Lo, double Hi) ci) =>
        double.IsFinite(ci.Lo) ? $"[{NumberFormat.Exponent(ci.Lo)}, {NumberFormat.Exponent(ci.Hi)}]" : "n/a";
}

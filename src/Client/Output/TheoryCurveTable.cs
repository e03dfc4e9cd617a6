using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Client.Output;

/// <summary>The readable DMFT curve of `scalesweep theory --curve`: a settings line, then a table of step and loss (test and train loss on a finite training set).</summary>
internal static class TheoryCurveTable
{
    /// <summary>Writes to <paramref name="writer"/>; the settings lines are broken between words to <paramref name="width"/>.</summary>
    public static void Write(TextWriter writer, int width, DmftSettings settings, DmftCurve curve, double seconds, string? spectrumPath = null)
    {
        string task = settings.Spectrum is { } spectrum
            ? $"spectrum={spectrumPath ?? spectrum.Description} (fingerprint {spectrum.Fingerprint[..12]})"
            : $"alpha={NumberFormat.Parameter(settings.Alpha)} beta={NumberFormat.Parameter(settings.Beta)}";
        TextWrap.Write(
            writer,
            $"dmft: {task} M={NumberFormat.Integer(settings.M)} "
            + $"gamma={NumberFormat.Parameter(settings.Gamma)} N={Size(settings.N)} B={Size(settings.Batch)}{(settings.IsFiniteData ? $" P={Size(settings.P)}" : string.Empty)} eta={NumberFormat.Parameter(settings.Eta)} T={NumberFormat.Integer(settings.Steps)}",
            width);
        TextWrap.Write(
            writer,
            $"solver: {curve.Solver}, {curve.ModesUsed} modes ({(curve.ModesExact ? "exact sum" : "quadrature")}), "
            + $"{NumberFormat.Integer(curve.TimePoints)} time points ({curve.TimeGrid}), {curve.Iterations} sweep(s), {seconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} s",
            width);
        bool train = curve.TrainLoss.Length == curve.Steps.Length && curve.Steps.Length > 0;
        var table = new TextTable().AddColumn("step");
        if (train)
        {
            table.AddColumn("test loss").AddColumn("train loss");
        }
        else
        {
            table.AddColumn("loss");
        }

        for (int i = 0; i < curve.Steps.Length; i++)
        {
            string step = NumberFormat.Integer(curve.Steps[i]);
            string loss = NumberFormat.Value(curve.Loss[i]);
            if (train)
            {
                table.AddRow(step, loss, NumberFormat.Value(curve.TrainLoss[i]));
            }
            else
            {
                table.AddRow(step, loss);
            }
        }

        writer.WriteLine();
        table.Write(writer, width);
        writer.Flush();
    }

    private static string Size(double value) => double.IsPositiveInfinity(value) ? "inf" : NumberFormat.Integer((long)value);
}

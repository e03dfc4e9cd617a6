using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Client.Output;

/// <summary>The readable DMFT curve of `scalesweep theory --curve`: a settings line, then step and loss.</summary>
internal static class TheoryCurveTable
{
    /// <summary>Writes to <paramref name="writer"/>; the settings lines are broken between words to <paramref name="width"/>.</summary>
    public static void Write(TextWriter writer, int width, DmftSettings settings, DmftCurve curve, double seconds)
    {
        TextWrap.Write(
            writer,
            $"dmft: alpha={NumberFormat.Parameter(settings.Alpha)} beta={NumberFormat.Parameter(settings.Beta)} M={NumberFormat.Integer(settings.M)} "
            + $"gamma={NumberFormat.Parameter(settings.Gamma)} N={Size(settings.N)} B={Size(settings.Batch)}{(settings.IsFiniteData ? $" P={Size(settings.P)}" : string.Empty)} eta={NumberFormat.Parameter(settings.Eta)} T={NumberFormat.Integer(settings.Steps)}",
            width);
        TextWrap.Write(
            writer,
            $"solver: {curve.Solver}, {curve.ModesUsed} modes ({(curve.ModesExact ? "exact sum" : "quadrature")}), "
            + $"{NumberFormat.Integer(curve.TimePoints)} time points ({curve.TimeGrid}), {curve.Iterations} sweep(s), {seconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} s",
            width);
        int stepWidth = Math.Max(4, NumberFormat.Integer(settings.Steps).Length);
        bool train = curve.TrainLoss.Length == curve.Steps.Length && curve.Steps.Length > 0;
        writer.WriteLine(train ? $"{"step".PadLeft(stepWidth)}  test loss  train loss" : $"{"step".PadLeft(stepWidth)}  loss");
        for (int i = 0; i < curve.Steps.Length; i++)
        {
            string row = $"{NumberFormat.Integer(curve.Steps[i]).PadLeft(stepWidth)}  {NumberFormat.Value(curve.Loss[i])}";
            writer.WriteLine(train ? $"{row}  {NumberFormat.Value(curve.TrainLoss[i])}" : row);
        }

        writer.Flush();
    }

    private static string Size(double value) => double.IsPositiveInfinity(value) ? "inf" : NumberFormat.Integer((long)value);
}

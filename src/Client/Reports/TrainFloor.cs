namespace ScaleSweep.Client.Reports;

/// <summary>
/// Where the plots stop drawing a train loss: on P samples with P &lt; N the model interpolates and the train
/// loss falls towards 1e-30 and below, which would squeeze the test curves (the point of the plot) into a
/// sliver at the top. Train values more than <see cref="Decades"/> decades below the panel's lowest test loss
/// are drawn on that floor, and the legend says so; the files (curves.csv, report.json) keep every value.
/// </summary>
internal static class TrainFloor
{
    /// <summary>How far below the lowest test loss a train loss is still drawn where it is.</summary>
    public const double Decades = 4;

    /// <summary>The floor in log10 units for a panel whose lowest log10 test loss is <paramref name="lowestTest"/>.</summary>
    public static double Below(double lowestTest) => lowestTest - Decades;

    /// <summary>A copy of <paramref name="y"/> (log10 values) raised to <paramref name="floor"/> where below it; whether any was.</summary>
    public static (double[] Y, bool Clamped) Clamp(double[] y, double floor)
    {
        var clamped = new double[y.Length];
        bool any = false;
        for (int i = 0; i < y.Length; i++)
        {
            any |= y[i] < floor;
            clamped[i] = Math.Max(y[i], floor);
        }

        return (clamped, any);
    }

    /// <summary>The legend's note when some train value was raised to the floor.</summary>
    public static string Note(double floor) =>
        $"train losses below {LogAxes.Label(Math.Round(floor))} (10^-{Decades:0} x the lowest test loss) drawn at that floor";
}

namespace ScaleSweep.Sweeps.Reports;

/// <summary>Turns the analysis' NaN markers into the report's nulls: JSON has no NaN, and a reader should see "absent", not a number.</summary>
internal static class ReportValues
{
    /// <summary>[lo, hi] when both ends are finite, else null.</summary>
    public static double[]? Interval((double Lo, double Hi) interval) =>
        double.IsFinite(interval.Lo) && double.IsFinite(interval.Hi) ? [interval.Lo, interval.Hi] : null;

    /// <summary>The value when finite, else null.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

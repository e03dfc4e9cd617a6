namespace ScaleSweep.Client.Reports;

/// <summary>The extent of what a plot draws, in log10 decades, to choose its tick style.</summary>
internal sealed class Bounds
{
    private double xMin = double.PositiveInfinity;
    private double xMax = double.NegativeInfinity;
    private double yMin = double.PositiveInfinity;
    private double yMax = double.NegativeInfinity;

    public bool IsEmpty => xMin > xMax;

    public double XSpan => IsEmpty ? 0 : xMax - xMin;

    public double YSpan => IsEmpty ? 0 : yMax - yMin;

    /// <summary>The lowest y added (log10 units); +inf when empty.</summary>
    public double YMin => yMin;

    /// <summary>The highest y added (log10 units); -inf when empty.</summary>
    public double YMax => yMax;

    public void Add(double[] x, double[] y)
    {
        foreach (double v in x)
        {
            xMin = Math.Min(xMin, v);
            xMax = Math.Max(xMax, v);
        }

        foreach (double v in y)
        {
            yMin = Math.Min(yMin, v);
            yMax = Math.Max(yMax, v);
        }
    }
}

using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// Log-scaled axes for plots whose data are already log10 values: ScottPlot 5 has no log axis, so the
/// ticks are placed on the log10 values and labelled with 10^value.
/// </summary>
internal static class LogAxes
{
    /// <summary>Puts log ticks on both axes; <paramref name="xSpan"/> and <paramref name="ySpan"/> are the data spans in decades.</summary>
    public static void Apply(Plot plot, double xSpan, double ySpan)
    {
        plot.Axes.Bottom.TickGenerator = Ticks(xSpan);
        plot.Axes.Left.TickGenerator = Ticks(ySpan);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
    }

    /// <summary>
    /// Puts the bottom axis's ticks on the grid's own values (log10 of P, say) when there are few of them:
    /// "16 32 64 128" reads better than automatic ticks at 15.8, 17.8, ... over less than a decade.
    /// </summary>
    public static void BottomTicksAt(Plot plot, IEnumerable<double> log10Values, int atMost = 12)
    {
        double[] positions = log10Values.Distinct().Order().ToArray();
        if (positions.Length is > 0 and var n && n <= atMost)
        {
            plot.Axes.Bottom.SetTicks(positions, positions.Select(v => Math.Pow(10, v).ToString("G4", CultureInfo.InvariantCulture)).ToArray());
        }
    }

    /// <summary>10^value: plain for 10^-3 .. 10^4, "1e-5" style beyond, three significant digits between decades.</summary>
    public static string Label(double log10)
    {
        double k = Math.Round(log10);
        if (Math.Abs(log10 - k) < 1e-9)
        {
            return k is >= -3 and <= 4
                ? Math.Pow(10, k).ToString("0.###", CultureInfo.InvariantCulture)
                : "1e" + k.ToString("0", CultureInfo.InvariantCulture);
        }

        return Math.Pow(10, log10).ToString("G3", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Over a decade or more the majors sit on whole decades with 2..9 as minor ticks; over less the
    /// decades may not be in view, so the majors fall where they fit and are labelled with their value.
    /// </summary>
    private static NumericAutomatic Ticks(double span)
    {
        var ticks = new NumericAutomatic { LabelFormatter = Label };
        if (span >= 1.0)
        {
            ticks.IntegerTicksOnly = true;
            ticks.MinorTickGenerator = new LogMinorTickGenerator();
        }

        return ticks;
    }
}

using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Theory;
using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>The report's floor entries from the seeds' floors of <see cref="SweepFloors.Compute"/>: per group, and per frontier with its exponent.</summary>
internal static class GroupFloors
{
    /// <summary>The seed mean and standard error of one group's floors.</summary>
    public static GroupFloor Of(double[] seedFloors)
    {
        if (seedFloors.Length == 1)
        {
            return new GroupFloor(seedFloors[0], null);
        }

        (double mean, double sd) = MathNet.Numerics.Statistics.ArrayStatistics.MeanStandardDeviation(seedFloors);
        return new GroupFloor(mean, ReportValues.Finite(sd / Math.Sqrt(seedFloors.Length)));
    }

    /// <summary>Said when the caller gave no floors.</summary>
    public const string NotComputed = "No floors were computed for this report.";

    /// <summary>One line per frontier of the grid: its widths' floors and their exponent, or the reason there is none.</summary>
    public static FloorScalingReport[] Lines(SweepGrid grid, IReadOnlyList<double[]?>? floors)
    {
        var lines = new FloorScalingReport[grid.Frontiers.Count];
        for (int f = 0; f < lines.Length; f++)
        {
            GridFrontier frontier = grid.Frontiers[f];
            double paper = Exponents.ModelBottleneck(frontier.Config.Alpha, frontier.Config.Beta);
            double corrected = Exponents.ModelBottleneckMeasured(frontier.Config.Alpha, frontier.Config.Beta);
            var widths = new List<int>(frontier.Widths.Count);
            var seedFloors = new List<double[]>(frontier.Widths.Count);
            foreach (GridWidth width in frontier.Widths)
            {
                if (floors?[width.Group] is { Length: > 0 } group)
                {
                    widths.Add(width.N);
                    seedFloors.Add(group);
                }
            }

            if (widths.Count == 0)
            {
                lines[f] = new FloorScalingReport(
                    frontier.Config, [], null, null, paper, corrected, floors is null ? NotComputed : SweepFloors.Skipped(grid) ?? NotComputed);
                continue;
            }

            // Summarise takes [seed][width]; the groups give [width][seed].
            int seeds = seedFloors[0].Length;
            var bySeed = new double[seeds][];
            for (int s = 0; s < seeds; s++)
            {
                bySeed[s] = new double[widths.Count];
                for (int i = 0; i < widths.Count; i++)
                {
                    bySeed[s][i] = seedFloors[i][s];
                }
            }

            FloorScalingResult summary = FloorScaling.Summarise(frontier.Config.Alpha, frontier.Config.Beta, widths, bySeed);
            var points = new FloorPointReport[widths.Count];
            for (int i = 0; i < points.Length; i++)
            {
                points[i] = new FloorPointReport(widths[i], summary.Mean[i], ReportValues.Finite(summary.Sem[i]));
            }

            BottleneckFitResult? fit = summary.Fit;
            bool fitted = fit is not null && double.IsFinite(fit.Exponent);
            lines[f] = new FloorScalingReport(
                frontier.Config,
                points,
                fitted ? fit!.Exponent : null,
                fitted ? ReportValues.Interval(fit!.Ci) : null,
                paper,
                corrected,
                fitted ? null : "A fit of the floor against N needs two widths with floors above zero.");
        }

        return lines;
    }
}

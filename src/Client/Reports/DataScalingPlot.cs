using System.Globalization;
using ScaleSweep.Client.Options;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// The figures of training on P samples (Appendix D), one pair per (alpha, beta, N, B, eta) of the report's
/// data-scaling lines: "data-scaling", the last step's test loss against P (filled, +-SEM) and train loss
/// (open, dashed) with one colour per gamma, the fitted L ~ P^-x and eq. 78's slope; and "data-frontier", the
/// data-limited frontier: the test loss against P at fixed compute C = N t, one line per compute level, so
/// where more data stops helping at a given compute can be read off.
/// </summary>
internal static class DataScalingPlot
{
    /// <summary>Compute levels drawn in a data-frontier plot at most: the recorded steps nearest to log-spaced times.</summary>
    public const int MaxComputeLevels = 6;

    /// <summary>Both figures for every (alpha, beta, N, B, eta) of the report, named by the parameters that vary between them.</summary>
    public static IEnumerable<RenderedPlot> RenderAll(SweepReport report, Func<string, string, Plot, RenderedPlot> render)
    {
        if (report.DataScaling.Length == 0)
        {
            yield break;
        }

        IReadOnlyList<PlotParameter<DataScalingConfig>> parameters = Parameters;
        DataScalingConfig[] configs = report.DataScaling.Select(l => l.Config).ToArray();
        PlotParameter<DataScalingConfig>[] others = parameters.Where(p => p.Name != "gamma").ToArray();
        PlotParameter<DataScalingConfig>[] varying = others.Where(p => p.Varies(configs)).ToArray();
        bool gammaVaries = parameters.Single(p => p.Name == "gamma").Varies(configs);
        foreach (IGrouping<string, DataScalingReport> panel in report.DataScaling.GroupBy(l => string.Join("|", others.Select(p => p.Value(l.Config)))))
        {
            DataScalingReport[] lines = panel.ToArray();
            DataScalingConfig c = lines[0].Config;
            string shared = string.Join(" ", others.Select(p => p.Label(c)));
            using (Plot? plot = CreateScaling(lines, $"data scaling, {report.Model}: {shared}; test loss at the last step against P"))
            {
                if (plot is not null)
                {
                    yield return render(PlotNames.Compose("data-scaling", varying.Select(p => (p.Name, p.Value(c)))), "data-scaling", plot);
                }
            }

            foreach (DataScalingReport line in lines)
            {
                GroupReport[] groups = GroupsOf(report, line);
                string suffix = gammaVaries ? $" gamma={Number(line.Config.Gamma)}" : string.Empty;
                using Plot? frontier = CreateFrontier(line, groups, $"data-limited frontier, {report.Model}: {shared}{suffix}; test loss at fixed C = N t");
                if (frontier is not null)
                {
                    IEnumerable<(string, string)> name = varying.Select(p => (p.Name, p.Value(line.Config)));
                    if (gammaVaries)
                    {
                        name = name.Append(("gamma", Number(line.Config.Gamma)));
                    }

                    yield return render(PlotNames.Compose("data-frontier", name), "data-frontier", frontier);
                }
            }
        }
    }

    /// <summary>The plot parameters of a data-scaling line, in spec order.</summary>
    public static IReadOnlyList<PlotParameter<DataScalingConfig>> Parameters { get; } =
    [
        new("alpha", c => Number(c.Alpha)),
        new("beta", c => Number(c.Beta)),
        new("gamma", c => Number(c.Gamma)),
        new("N", c => c.N.ToString(CultureInfo.InvariantCulture)),
        new("B", c => c.B is { } b ? BatchSize.Format(b) : "P"),
        new("eta", c => Number(c.Eta)),
    ];

    /// <summary>The groups of a line in its P order: those with the line's parameters and a finite P of it.</summary>
    public static GroupReport[] GroupsOf(SweepReport report, DataScalingReport line)
    {
        DataScalingConfig c = line.Config;
        return report.Groups
            .Where(g => g.Config.P is { } p && g.Config.Alpha.Equals(c.Alpha) && g.Config.Beta.Equals(c.Beta) && g.Config.Gamma.Equals(c.Gamma)
                && g.Config.N == c.N && g.Config.Eta.Equals(c.Eta) && g.Config.B == (c.B ?? p))
            .OrderBy(g => g.Config.P)
            .ToArray();
    }

    private static Plot? CreateScaling(IReadOnlyList<DataScalingReport> lines, string title)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bounds = new Bounds();
        double trainFloor = Math.Round(TrainFloor.Below(lines
            .SelectMany(l => l.Points).Where(p => p.Test > 0 && double.IsFinite(p.Test)).Select(p => Math.Log10(p.Test)).DefaultIfEmpty(0).Min()));
        bool trainClamped = false;
        for (int i = 0; i < lines.Count; i++)
        {
            DataScalingReport line = lines[i];
            DataScalingPointReport[] points = line.Points.Where(p => p.Test > 0 && double.IsFinite(p.Test)).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            Color color = palette.GetColor(i);
            double[] x = points.Select(p => Math.Log10(p.P)).ToArray();
            double[] y = points.Select(p => Math.Log10(p.Test)).ToArray();
            var test = plot.Add.ScatterLine(x, y, color);
            test.LineWidth = 2;
            test.MarkerShape = MarkerShape.FilledCircle;
            test.MarkerSize = 7;
            string fit = line.Exponent is { } e
                ? $"fit x = {Exponent(e)}" + (line.Ci is [double lo, double hi] ? $" [{Exponent(lo)}, {Exponent(hi)}]" : string.Empty)
                : "no fit";
            test.LegendText = $"gamma={Number(line.Config.Gamma)} test: {fit}; eq. 78 x = {Exponent(line.Theory.Exponent)}";
            bounds.Add(x, y);

            // Error bars as short vertical segments in log space: ScottPlot's error bars are linear.
            foreach (DataScalingPointReport p in points)
            {
                double top = Math.Log10(p.Test + p.TestSem);
                double bottom = p.Test - p.TestSem > 0 ? Math.Log10(p.Test - p.TestSem) : (2 * Math.Log10(p.Test)) - top;
                var bar = plot.Add.ScatterLine(new[] { Math.Log10(p.P), Math.Log10(p.P) }, new[] { bottom, top }, color);
                bar.LineWidth = 1.5f;
            }

            DataScalingPointReport[] trainPoints = points.Where(p => p.Train > 0 && double.IsFinite(p.Train)).ToArray();
            if (trainPoints.Length > 0)
            {
                double[] tx = trainPoints.Select(p => Math.Log10(p.P)).ToArray();
                (double[] ty, bool clamped) = TrainFloor.Clamp(trainPoints.Select(p => Math.Log10(p.Train)).ToArray(), trainFloor);
                trainClamped |= clamped;
                var train = plot.Add.ScatterLine(tx, ty, color);
                train.LineWidth = 1.5f;
                train.LinePattern = LinePattern.Dashed;
                train.MarkerShape = MarkerShape.OpenCircle;
                train.MarkerSize = 7;
                train.LegendText = $"gamma={Number(line.Config.Gamma)} train";
                bounds.Add(tx, ty);
            }

            if (line is { Exponent: { } slope, Intercept: { } intercept })
            {
                double x0 = x[0], x1 = x[^1];
                double Fitted(double v) => (intercept / Math.Log(10)) - (slope * v);
                var fitted = plot.Add.ScatterLine(new[] { x0, x1 }, new[] { Fitted(x0), Fitted(x1) }, color.WithAlpha(0.6));
                fitted.LineWidth = 1;
                fitted.LinePattern = LinePattern.Dotted;
            }

            double theory = line.Theory.Exponent;
            if (double.IsFinite(theory) && x.Length >= 2)
            {
                // Eq. 78's slope, a factor 2 below the first point, like the other plots' theory guides.
                double y0 = y[0] + Math.Log10(LossPlot.TheoryOffset);
                double[] gx = [x[0], x[^1]];
                double[] gy = [y0, y0 - (theory * (x[^1] - x[0]))];
                var guide = plot.Add.ScatterLine(gx, gy, Colors.Gray);
                guide.LineWidth = 1.5f;
                guide.LinePattern = LinePattern.DenselyDashed;
                bounds.Add(gx, gy);
            }
        }

        if (bounds.IsEmpty)
        {
            plot.Dispose();
            return null;
        }

        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "gray: eq. 78's slope P^-(alpha min(2, beta)) at 0.5 x the smallest P; dotted: the fit",
            LineColor = Colors.Gray,
            LinePattern = LinePattern.DenselyDashed,
            LineWidth = 1.5f,
        });
        if (trainClamped)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = TrainFloor.Note(trainFloor) });
        }

        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(title, 14);
        plot.XLabel("training-set size P");
        plot.YLabel("loss at the last step");
        LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
        LogAxes.BottomTicksAt(plot, lines.SelectMany(l => l.Points).Select(p => Math.Log10(p.P)));
        return plot;
    }

    private static Plot? CreateFrontier(DataScalingReport line, GroupReport[] groups, string title)
    {
        long[] levels = ComputeLevels(groups);
        if (levels.Length == 0)
        {
            return null;
        }

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bounds = new Bounds();
        for (int i = 0; i < levels.Length; i++)
        {
            var x = new List<double>(groups.Length);
            var y = new List<double>(groups.Length);
            foreach (GroupReport group in groups)
            {
                int k = Array.IndexOf(group.Steps, levels[i]);
                if (k >= 0 && group.Mean[k] > 0 && double.IsFinite(group.Mean[k]))
                {
                    x.Add(Math.Log10(group.Config.P!.Value));
                    y.Add(Math.Log10(group.Mean[k]));
                }
            }

            if (x.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.ScatterLine(x.ToArray(), y.ToArray(), palette.GetColor(i));
            scatter.LineWidth = 2;
            scatter.MarkerShape = MarkerShape.FilledCircle;
            scatter.MarkerSize = 6;
            double compute = (double)line.Config.N * levels[i];
            scatter.LegendText = $"C = N t = {LogAxes.Label(Math.Log10(compute))} (t = {levels[i].ToString(CultureInfo.InvariantCulture)})";
            bounds.Add(x.ToArray(), y.ToArray());
        }

        if (bounds.IsEmpty)
        {
            plot.Dispose();
            return null;
        }

        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(title, 14);
        plot.XLabel("training-set size P");
        plot.YLabel("test loss at compute C");
        LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
        LogAxes.BottomTicksAt(plot, groups.Select(g => Math.Log10(g.Config.P!.Value)));
        return plot;
    }

    /// <summary>
    /// Steps recorded by every group of the line (they share one log grid), at most <see cref="MaxComputeLevels"/>,
    /// spread evenly in log t from the first step t &gt;= 1 to the last.
    /// </summary>
    internal static long[] ComputeLevels(IReadOnlyList<GroupReport> groups)
    {
        GroupReport[] withCurves = groups.Where(g => g.Seeds > 0 && g.Steps.Length > 0).ToArray();
        if (withCurves.Length == 0)
        {
            return [];
        }

        long[] common = withCurves[0].Steps.Where(t => t >= 1 && withCurves.All(g => Array.IndexOf(g.Steps, t) >= 0)).ToArray();
        if (common.Length <= MaxComputeLevels)
        {
            return common;
        }

        var chosen = new SortedSet<long>();
        for (int i = 0; i < MaxComputeLevels; i++)
        {
            chosen.Add(common[(int)Math.Round(i * (common.Length - 1) / (double)(MaxComputeLevels - 1))]);
        }

        return chosen.ToArray();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Exponent(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}

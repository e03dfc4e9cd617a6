using System.Globalization;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Numerics.Analysis;
using ScottPlot;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// Loss against step on log-log axes: per group the seed mean with a shaded +-SEM band, and beside it a
/// dashed line of the theory slope t^-chi over the fit window. When the report has DMFT theory curves
/// (spec "theory"), each group's curve is drawn dashed in the group's colour instead, and the slope guide
/// becomes dotted so the two cannot be confused. On a finite training set (Appendix D) the train loss is drawn
/// dashed beside each group's solid test loss; the DMFT curves (test and train, eq. 41) are then dotted and the
/// slope guide is left out (the data floor bends the late curve away from t^-chi). A group with an exact floor
/// (<see cref="GroupReport.Floor"/>) gets it as a thin dotted horizontal level across its steps.
/// </summary>
internal static class LossPlot
{
    /// <summary>
    /// The dashed theory line passes through this fraction of the mean loss at the window's geometric
    /// middle: on the curve itself it would hide under it; a factor 2 below, it stays next to the
    /// curve and its slope is easy to compare.
    /// </summary>
    public const double TheoryOffset = 0.5;

    /// <summary>The plot, or null when no group of the panel has a mean curve to draw.</summary>
    public static Plot? Create(LossPanel panel)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bounds = new Bounds();
        var missing = new List<LegendItem>();
        bool hasTrain = panel.Groups.Any(g => g.TrainMean is not null);
        double trainFloor = double.NegativeInfinity;
        bool trainClamped = false;
        bool hasFloor = false;
        if (hasTrain)
        {
            double lowestTest = panel.Groups.Select(g => LogLog.Of(g)).Where(c => !c.IsEmpty).Select(c => c.Y.Min()).DefaultIfEmpty(0).Min();
            trainFloor = Math.Round(TrainFloor.Below(lowestTest));
        }

        for (int i = 0; i < panel.Groups.Count; i++)
        {
            GroupReport group = panel.Groups[i];
            LogCurve curve = LogLog.Of(group);
            if (curve.IsEmpty)
            {
                // Say so in the legend: a line that silently vanished would read as "not run".
                missing.Add(new LegendItem
                {
                    LabelText = $"{panel.Series.Label(group.Config)}: no curve ({Output.Reason.Clause(group.FitError ?? "no seed completed")})",
                    MarkerShape = MarkerShape.Eks,
                    MarkerColor = palette.GetColor(i),
                    MarkerSize = 8,
                });
                continue;
            }

            Color color = palette.GetColor(i);
            var band = plot.Add.FillY(curve.X, curve.Lower, curve.Upper);
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;

            var line = plot.Add.ScatterLine(curve.X, curve.Y, color);
            line.LineWidth = 2;
            line.LegendText = Legend(panel.Series, group);

            if (hasTrain && TrainLine(group) is { X.Length: > 1 } train)
            {
                (double[] trainY, bool clamped) = TrainFloor.Clamp(train.Y, trainFloor);
                trainClamped |= clamped;
                var dashedTrain = plot.Add.ScatterLine(train.X, trainY, color);
                dashedTrain.LineWidth = 2;
                dashedTrain.LinePattern = LinePattern.Dashed;
                bounds.Add(train.X, trainY);
            }

            if (!hasTrain && TheoryLine(group, curve) is { } theory)
            {
                var slope = plot.Add.ScatterLine(theory.X, theory.Y, color);
                slope.LineWidth = 2;
                slope.LinePattern = panel.HasTheoryCurves ? LinePattern.Dotted : LinePattern.Dashed;
                bounds.Add(theory.X, theory.Y);
            }

            if (panel.TheoryOf(group) is { } dmft && DmftLine(dmft) is { X.Length: > 1 } dmftLine)
            {
                var dashed = plot.Add.ScatterLine(dmftLine.X, dmftLine.Y, color);
                dashed.LineWidth = 2;
                dashed.LinePattern = hasTrain ? LinePattern.Dotted : LinePattern.Dashed;
                bounds.Add(dmftLine.X, dmftLine.Y);

                // Eq. 41's train loss beside the simulated one, on the same floor.
                if (hasTrain && dmft.TrainLoss is { } dmftTrain && PositiveLogLine(dmft.Steps, dmftTrain) is { X.Length: > 1 } trainTheory)
                {
                    (double[] theoryY, bool clamped) = TrainFloor.Clamp(trainTheory.Y, trainFloor);
                    trainClamped |= clamped;
                    var dotted = plot.Add.ScatterLine(trainTheory.X, theoryY, color);
                    dotted.LineWidth = 2;
                    dotted.LinePattern = LinePattern.Dotted;
                    bounds.Add(trainTheory.X, theoryY);
                }
            }

            if (group.Floor is { Mean: > 0 and var floor } && double.IsFinite(floor))
            {
                // Horizontal across the curve's steps: the loss no run of these seeds goes below, as t -> inf.
                double y = Math.Log10(floor);
                var level = plot.Add.ScatterLine(new[] { curve.X[0], curve.X[^1] }, new[] { y, y }, color);
                level.LineWidth = FloorLineWidth;
                level.LinePattern = LinePattern.Dotted;
                bounds.Add([curve.X[0], curve.X[^1]], [y, y]);
                hasFloor = true;
            }

            bounds.Add(curve.X, curve.Lower);
            bounds.Add(curve.X, curve.Upper);
        }

        if (bounds.IsEmpty)
        {
            plot.Dispose();
            return null;
        }

        plot.Legend.ManualItems.AddRange(missing);
        if (hasTrain)
        {
            plot.Legend.ManualItems.Add(Key("solid: test loss (population); dashed: train loss on the P samples", LinePattern.Dashed));
            if (trainClamped)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = TrainFloor.Note(trainFloor) });
            }
        }

        if (panel.HasTheoryCurves)
        {
            plot.Legend.ManualItems.Add(Key(
                hasTrain
                    ? "dotted: DMFT theory curves of eq. 41, test and train (report.json theoryCurves)"
                    : "dashed: DMFT theory curve (report.json theoryCurves)",
                hasTrain ? LinePattern.Dotted : LinePattern.Dashed));
        }

        if (!hasTrain)
        {
            plot.Legend.ManualItems.Add(Key(
                $"{(panel.HasTheoryCurves ? "dotted" : "dashed")}: theory slope t^-chi over the fit window (at {TheoryOffset.ToString(CultureInfo.InvariantCulture)} x the mean)",
                panel.HasTheoryCurves ? LinePattern.Dotted : LinePattern.Dashed));
        }

        if (hasFloor)
        {
            plot.Legend.ManualItems.Add(Key(
                "dotted level: exact t -> inf floor of the group's seeds (best predictor on N features, report.json groups[].floor)",
                LinePattern.Dotted,
                FloorLineWidth));
        }

        plot.ShowLegend(Alignment.LowerLeft);
        plot.Title(panel.Title, 14);
        plot.XLabel("step t");
        plot.YLabel("loss L");
        LogAxes.Apply(plot, bounds.XSpan, bounds.YSpan);
        return plot;
    }

    /// <summary>Thinner than the curves (2): the floor is a reference level, not a result of the runs.</summary>
    private const float FloorLineWidth = 1.5f;

    /// <summary>A legend entry that explains a line style, in grey (it holds for every colour).</summary>
    private static LegendItem Key(string text, LinePattern pattern, float width = 2) =>
        new() { LabelText = text, LineColor = Colors.Gray, LinePattern = pattern, LineWidth = width };

    private static string Legend(PlotParameter<GroupConfig> series, GroupReport group)
    {
        string fit = group.Fit is { } f
            ? "fit " + Exponent(f.Exponent) + (f.Ci is { Length: 2 } ci ? $" [{Exponent(ci[0])}, {Exponent(ci[1])}]" : string.Empty)
            : "no fit";
        string seeds = group.Diverged > 0 ? $", {group.Seeds} seeds ({group.Diverged} diverged)" : $", {group.Seeds} seeds";
        return $"{series.Label(group.Config)}: {fit}, theory chi {Exponent(group.Theory.Exponent)}{seeds}";
    }

    /// <summary>
    /// Two points of L = k t^-chi over the fit window (the default window when there was no fit), anchored
    /// at <see cref="TheoryOffset"/> times the mean at the window's geometric middle; null when the window
    /// misses the curve.
    /// </summary>
    private static (double[] X, double[] Y)? TheoryLine(GroupReport group, LogCurve curve)
    {
        long lastStep = group.Steps.Length > 0 ? group.Steps[^1] : 0;
        if (lastStep < 1 || !double.IsFinite(group.Theory.Exponent))
        {
            return null;
        }

        (long t0, long t1) = group.Fit is { Window: [long a, long b] } ? (a, b) : PowerLawFit.DefaultWindow(lastStep);
        double x0 = Math.Log10(Math.Max(t0, 1));
        double x1 = Math.Log10(Math.Min(t1, lastStep));
        if (!(x1 > x0) || x1 < curve.X[0] || x0 > curve.X[^1])
        {
            return null;
        }

        double xm = (x0 + x1) / 2;
        double ym = LogLog.Interpolate(curve.X, curve.Y, xm) + Math.Log10(TheoryOffset);
        double chi = group.Theory.Exponent;
        return ([x0, x1], [ym + (chi * (xm - x0)), ym - (chi * (x1 - xm))]);
    }

    /// <summary>log10 of (step, train mean) at the steps t &gt;= 1 with a positive, finite train loss; null without one.</summary>
    private static (double[] X, double[] Y)? TrainLine(GroupReport group) =>
        group.TrainMean is { } train ? PositiveLogLine(group.Steps, train) : null;

    /// <summary>log10 of (step, loss) of a DMFT curve at the steps t &gt;= 1 with a positive, finite loss.</summary>
    internal static (double[] X, double[] Y) DmftLine(DmftCurveReport curve) => PositiveLogLine(curve.Steps, curve.Loss);

    private static (double[] X, double[] Y) PositiveLogLine(long[] steps, double[] values)
    {
        var x = new List<double>(steps.Length);
        var y = new List<double>(steps.Length);
        for (int k = 0; k < steps.Length && k < values.Length; k++)
        {
            double value = values[k];
            if (steps[k] >= 1 && value > 0 && double.IsFinite(value))
            {
                x.Add(Math.Log10(steps[k]));
                y.Add(Math.Log10(value));
            }
        }

        return (x.ToArray(), y.ToArray());
    }

    private static string Exponent(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}

using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Reports;

public class ReportPlotsTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void TheWriterWritesJsonCsvAndEveryPlotAsValidPngAndSvg()
    {
        using var directory = new TemporaryDirectory();
        SweepReport report = SampleReports.Create(gammas: [0.0, 1.0], widths: [16, 32, 64]);

        IReadOnlyList<string> files = ReportWriter.Write(report, directory.Path);

        string[] names = files.Select(Path.GetFileName).ToArray()!;
        Assert.Equal(
            ["report.json", "curves.csv",
             "loss-N16.png", "loss-N16.svg", "loss-N32.png", "loss-N32.svg", "loss-N64.png", "loss-N64.svg",
             "frontier-gamma0.png", "frontier-gamma0.svg", "frontier-gamma1.png", "frontier-gamma1.svg"],
            names);
        Assert.All(files, f => Assert.Equal(directory.Path, Path.GetDirectoryName(f)));
        Assert.Equal(names.Order(), Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order()); // no temporary files left
        foreach (string file in files)
        {
            byte[] content = File.ReadAllBytes(file);
            if (file.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal(PngSignature, content[..8]);
                Assert.True(content.Length > 1024, $"{file} has only {content.Length} bytes");
            }
            else if (file.EndsWith(".svg", StringComparison.Ordinal))
            {
                string svg = Encoding.UTF8.GetString(content).TrimStart();
                Assert.True(svg.StartsWith("<svg", StringComparison.Ordinal) || svg.StartsWith("<?xml", StringComparison.Ordinal), svg[..Math.Min(80, svg.Length)]);
                Assert.Contains("</svg>", svg);
            }
        }
    }

    [Fact]
    public void ASweepOverGammaAloneGivesOneLossPlotAndNoFrontier()
    {
        IReadOnlyList<RenderedPlot> plots = ReportPlots.Render(SampleReports.Create(gammas: [0.0, 0.5, 1.0], widths: [64]));

        RenderedPlot plot = Assert.Single(plots);
        Assert.Equal(("loss", "loss"), (plot.BaseName, plot.Kind));
    }

    [Fact]
    public void FileNamesCarryOnlyTheParametersThatTellFilesApart()
    {
        SweepReport report = SampleReports.Create(betas: [0.4, 1.2], gammas: [1.0], widths: [16, 32], batches: [null, 8]);

        string[] names = ReportPlots.Render(report).Select(p => p.BaseName).ToArray();

        // gamma does not vary, so the lines are widths and the files split by beta and B.
        Assert.Equal(
            ["loss-beta0.4-Binf", "loss-beta0.4-B8", "loss-beta1.2-Binf", "loss-beta1.2-B8",
             "frontier-beta0.4-Binf", "frontier-beta0.4-B8", "frontier-beta1.2-Binf", "frontier-beta1.2-B8"],
            names);
        Assert.Equal("N", ReportPlots.SeriesParameter(report.Groups).Name);
    }

    [Fact]
    public void LinesArePerGammaWhenGammaVaries()
    {
        SweepReport report = SampleReports.Create(gammas: [0.0, 1.0], widths: [16, 32]);

        IReadOnlyList<LossPanel> panels = ReportPlots.LossPanels(report);

        Assert.Equal(["loss-N16", "loss-N32"], panels.Select(p => p.BaseName));
        Assert.All(panels, p => Assert.Equal("gamma", p.Series.Name));
        Assert.All(panels, p => Assert.Equal([0.0, 1.0], p.Groups.Select(g => g.Config.Gamma)));
        Assert.Contains("alpha=2 beta=0.4 N=16 B=inf eta=0.05", panels[0].Title);
    }

    /// <summary>
    /// Full batch on finite data ("B": ["inf"] with P = 16, 32, 64): B = P varies with the lines, so it splits
    /// nothing; one panel per gamma, lines by P, the title saying B=P. B = 8 for every P stays a plain B=8.
    /// </summary>
    [Fact]
    public void ABatchThatFollowsPSharesOnePanelPerGamma()
    {
        SweepReport online = SampleReports.Create(gammas: [0.0, 1.0], widths: [64]);
        long[] sizes = [16, 32, 64];
        SweepReport fullBatch = online with
        {
            Groups = online.Groups.SelectMany(g => sizes.Select(p => g with { Config = g.Config with { P = p, B = p } })).ToArray(),
            Frontiers = [],
        };
        SweepReport fixedBatch = fullBatch with { Groups = fullBatch.Groups.Select(g => g with { Config = g.Config with { B = 8 } }).ToArray() };

        IReadOnlyList<LossPanel> panels = ReportPlots.LossPanels(fullBatch);

        Assert.Equal(["loss-gamma0", "loss-gamma1"], panels.Select(p => p.BaseName));
        Assert.All(panels, p => Assert.Equal("P", p.Series.Name));
        Assert.All(panels, p => Assert.Equal(sizes, p.Groups.Select(g => g.Config.P!.Value)));
        Assert.Contains("gamma=0 N=64 eta=0.05 B=P M=1000", panels[0].Title);
        LossPanel fixedPanel = Assert.Single(ReportPlots.LossPanels(fixedBatch), p => p.BaseName == "loss-gamma0");
        Assert.Contains("gamma=0 N=64 B=8 eta=0.05 M=1000", fixedPanel.Title);
    }

    /// <summary>
    /// An interpolating fit's train loss (1e-30) would squeeze the test curves into the top of the plot: it is
    /// drawn on a floor 4 decades below the lowest test loss, and the legend says so; a train loss near the
    /// test loss is drawn as it is, without the note.
    /// </summary>
    [Fact]
    public void ATrainLossFarBelowTheTestLossIsDrawnOnAFloorTheLegendNames()
    {
        SweepReport online = SampleReports.Create(gammas: [1.0], widths: [64], withIssues: false);
        GroupReport group = online.Groups[0] with { Config = online.Groups[0].Config with { P = 16, B = 16 } };
        SweepReport interpolating = online with { Groups = [group with { TrainMean = group.Mean.Select(_ => 1e-30).ToArray(), TrainSem = group.Sem }], Frontiers = [] };
        SweepReport close = online with { Groups = [group with { TrainMean = group.Mean.Select(m => 0.5 * m).ToArray(), TrainSem = group.Sem }], Frontiers = [] };

        string clamped = Assert.Single(ReportPlots.Render(interpolating), p => p.Kind == "loss").Svg;
        string plain = Assert.Single(ReportPlots.Render(close), p => p.Kind == "loss").Svg;

        Assert.Contains("drawn at that floor", clamped);
        Assert.DoesNotContain("1e-30", clamped);
        Assert.DoesNotContain("drawn at that floor", plain);
    }

    /// <summary>
    /// With eq. 41 theory curves on a finite training set, the DMFT's train loss is drawn dotted beside its test loss:
    /// the plot has one more line than without the theory's train loss, and the legend names both.
    /// </summary>
    [Fact]
    public void OnFiniteDataTheDmftTrainLossIsDrawnBesideItsTestLoss()
    {
        SweepReport online = SampleReports.Create(gammas: [1.0], widths: [64], withIssues: false);
        GroupReport group = online.Groups[0] with { Config = online.Groups[0].Config with { P = 16, B = 16 } };
        SweepReport finite = SampleReports.WithTheory(online with
        {
            Groups = [group with { TrainMean = group.Mean.Select(m => 0.5 * m).ToArray(), TrainSem = group.Sem }],
            Frontiers = [],
        });
        DmftCurveReport curve = finite.TheoryCurves[0];
        SweepReport withTrain = finite with { TheoryCurves = [curve with { TrainLoss = curve.Loss.Select(l => 0.4 * l).ToArray() }] };

        LossPanel panel = Assert.Single(ReportPlots.LossPanels(withTrain));
        using ScottPlot.Plot plot = LossPlot.Create(panel)!;
        LossPanel without = Assert.Single(ReportPlots.LossPanels(finite));
        using ScottPlot.Plot plain = LossPlot.Create(without)!;

        Assert.Equal(plain.GetPlottables().Count() + 1, plot.GetPlottables().Count());
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText.StartsWith("dotted: DMFT theory curves of eq. 41, test and train", StringComparison.Ordinal));
    }

    [Fact]
    public void AFrontierWithoutAFitSaysWhereTable1IsAnchoredAndWhyThereIsNoFit()
    {
        SweepReport report = SampleReports.Create(gammas: [1.0], widths: [16, 32], withIssues: false);
        Assert.Null(report.Frontiers[0].Exponent);

        RenderedPlot plot = Assert.Single(ReportPlots.Render(report), p => p.Kind == "frontier");

        Assert.Contains("at 0.5 x the middle frontier point", plot.Svg);
        Assert.DoesNotContain("the fit", plot.Svg);
        Assert.Contains("no fit: only 2 width(s)", plot.Svg);
    }

    [Fact]
    public void AFittedFrontierAnchorsTable1AtTheFit()
    {
        SweepReport report = SampleReports.Create(gammas: [1.0], widths: [16, 32, 64, 128], withIssues: false);
        Assert.NotNull(report.Frontiers[0].Exponent);

        RenderedPlot plot = Assert.Single(ReportPlots.Render(report), p => p.Kind == "frontier");

        Assert.Contains("at 0.5 x the fit", plot.Svg);
        Assert.DoesNotContain("no fit", plot.Svg);
    }

    [Fact]
    public void AGroupWithoutACurveDoesNotStopThePlot()
    {
        IReadOnlyList<RenderedPlot> plots = ReportPlots.Render(SampleReports.WithEmptyGroup());

        RenderedPlot plot = Assert.Single(plots);
        Assert.Contains("gamma=2: no curve", plot.Svg);
    }

    [Fact]
    public void FileNamesAreSafe()
    {
        Assert.Equal("loss-eta1E-05-B_x", PlotNames.Compose("loss", [("eta", "1E-05"), ("B", "/x")]));
    }

    [Fact]
    public void LogTickLabelsReadAsNumbers()
    {
        Assert.Equal(["0.001", "0.1", "1", "1000", "10000", "1e5", "1e-4"], new[] { -3.0, -1, 0, 3, 4, 5, -4 }.Select(LogAxes.Label));
        Assert.Equal("2", LogAxes.Label(Math.Log10(2)));
    }
}

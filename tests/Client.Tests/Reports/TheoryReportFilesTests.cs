using System.Text;
using System.Text.Json;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Reports;

/// <summary>DMFT theory curves in the report files: report.json, theory.csv and the loss plots.</summary>
public class TheoryReportFilesTests
{
    [Fact]
    public void ReportJsonListsTheCurvesAndLinksGroupsAndRoundTripsBitForBit()
    {
        SweepReport report = SampleReports.WithTheory(SampleReports.Create(gammas: [1.0], widths: [16, 32], batches: [null, 8]));
        report = report with
        {
            TheoryCurves = [.. report.TheoryCurves.Select((c, i) => i == 0 ? c with { Config = c.Config with { N = null } } : c)],
        };

        string json = ReportJson.Serialize(report);
        SweepReport back = ReportJson.Deserialize(json);

        Assert.Equal(json, ReportJson.Serialize(back));
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement curve = document.RootElement.GetProperty("theoryCurves")[0];
        string[] keys = curve.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["key", "config", "status", "solver", "steps", "loss", "modesUsed", "modesExact", "iterations", "residual", "seconds", "error", "trainLoss"], keys);
        Assert.Equal(
            ["alpha", "beta", "gamma", "N", "B", "eta", "M", "steps", "pointsPerDecade", "modes", "P"],
            curve.GetProperty("config").EnumerateObject().Select(p => p.Name));
        Assert.Equal("inf", curve.GetProperty("config").GetProperty("N").GetString());
        Assert.Equal("inf", curve.GetProperty("config").GetProperty("B").GetString());
        Assert.Equal(8, document.RootElement.GetProperty("theoryCurves")[2].GetProperty("config").GetProperty("B").GetInt64());
        Assert.Equal(curve.GetProperty("key").GetString(), document.RootElement.GetProperty("groups")[0].GetProperty("theoryCurve").GetString());
        for (int i = 0; i < report.TheoryCurves.Length; i++)
        {
            Assert.Equal(report.TheoryCurves[i].Config, back.TheoryCurves[i].Config);
            Assert.Equal(report.TheoryCurves[i].Loss.Select(BitConverter.DoubleToInt64Bits), back.TheoryCurves[i].Loss.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(report.Groups[i].TheoryCurve, back.Groups[i].TheoryCurve);
        }
    }

    [Fact]
    public void WithoutTheoryTheJsonHasAnEmptyListAndNullLinks()
    {
        using JsonDocument document = JsonDocument.Parse(ReportJson.Serialize(SampleReports.Create(gammas: [1.0], widths: [32])));

        Assert.Equal(0, document.RootElement.GetProperty("theoryCurves").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("groups")[0].GetProperty("theoryCurve").ValueKind);
    }

    [Fact]
    public void TheWriterAddsTheoryCsvOnlyWithTheoryCurves()
    {
        using var with = new TemporaryDirectory();
        using var without = new TemporaryDirectory();
        SweepReport plain = SampleReports.Create(gammas: [0.0, 1.0], widths: [32]);
        SweepReport report = SampleReports.WithTheory(plain, firstFailed: true);

        string[] withNames = ReportWriter.Write(report, with.Path).Select(Path.GetFileName).ToArray()!;
        string[] withoutNames = ReportWriter.Write(plain, without.Path).Select(Path.GetFileName).ToArray()!;

        Assert.Equal(["report.json", "curves.csv", "theory.csv", "loss.png", "loss.svg"], withNames);
        Assert.Equal(["report.json", "curves.csv", "loss.png", "loss.svg"], withoutNames);
        string[] lines = File.ReadAllText(Path.Combine(with.Path, "theory.csv"), Encoding.UTF8).Split('\n');
        Assert.Equal(TheoryCsv.Header, lines[0]);
        DmftCurveReport second = report.TheoryCurves[1];
        Assert.Equal(1 + second.Steps.Length + 1, lines.Length); // the failed curve has no rows; a final empty line
        Assert.StartsWith($"{second.Key},2,0.4,1,32,inf,inf,0.05,1000,100000,48,dmft-finite (eq. 26-31),0,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",", lines[1], StringComparison.Ordinal); // an online curve has no train loss
        Assert.Equal(File.ReadAllText(Path.Combine(with.Path, "curves.csv")), File.ReadAllText(Path.Combine(without.Path, "curves.csv")));
    }

    [Fact]
    public void LossPlotsDrawEachGroupsDmftCurveDashedAndTheSlopeGuideDotted()
    {
        SweepReport plain = SampleReports.Create(gammas: [0.0, 1.0], widths: [32]);
        SweepReport report = SampleReports.WithTheory(plain);

        string with = Assert.Single(ReportPlots.Render(report)).Svg;
        string without = Assert.Single(ReportPlots.Render(plain)).Svg;

        Assert.Contains("dashed: DMFT theory curve", with, StringComparison.Ordinal);
        Assert.Contains("dotted: theory slope", with, StringComparison.Ordinal);
        Assert.DoesNotContain("DMFT", without, StringComparison.Ordinal);
        Assert.Contains("dashed: theory slope", without, StringComparison.Ordinal);

        // Three more lines than the plot without theory: one DMFT curve per group and the legend's sample line.
        Assert.Equal(Paths(without) + 3, Paths(with));
    }

    [Fact]
    public void AGroupWhoseCurveFailedOrIsMissingIsDrawnWithoutIt()
    {
        SweepReport report = SampleReports.WithTheory(SampleReports.Create(gammas: [0.0, 1.0], widths: [32]), firstFailed: true);
        SweepReport plain = SampleReports.Create(gammas: [0.0, 1.0], widths: [32]);

        LossPanel panel = Assert.Single(ReportPlots.LossPanels(report));

        Assert.Null(panel.TheoryOf(panel.Groups[0]));
        Assert.NotNull(panel.TheoryOf(panel.Groups[1]));
        // One DMFT curve and the legend's sample line.
        Assert.Equal(Paths(Assert.Single(ReportPlots.Render(plain)).Svg) + 2, Paths(Assert.Single(ReportPlots.Render(report)).Svg));
    }

    [Fact]
    public void TheDmftLineSkipsStepZeroAndNonPositiveLosses()
    {
        var config = new DmftCurveConfig(2, 0.4, 1, null, null, 0.05, 1000, 100, 10, 256);
        var curve = new DmftCurveReport("k", config, "completed", "dmft-infinite (eq. 43-44)", [0, 1, 10, 100], [1.0, 0.5, 0.0, 0.01], 256, false, 1, 0, 0, null);

        (double[] x, double[] y) = LossPlot.DmftLine(curve);

        Assert.Equal([0.0, 2.0], x);
        Assert.Equal([Math.Log10(0.5), -2.0], y);
    }

    [Fact]
    public void TheTablesSayHowManyTheoryCurvesThereAreOnlyWhenThereAreAny()
    {
        SweepReport plain = SampleReports.Create(gammas: [0.0, 1.0], widths: [32]);

        Assert.Equal(
            "theory curves (DMFT): 2: 1 completed, 1 failed, 0 missing; dashed in the loss plots, listed in report.json (theoryCurves) and theory.csv",
            ReportTables.TheoryLine(SampleReports.WithTheory(plain, firstFailed: true).TheoryCurves));
        using var writer = new StringWriter();
        ReportTables.Write(writer, Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(writer) }), plain);
        Assert.DoesNotContain("theory curves", writer.ToString(), StringComparison.Ordinal);
    }

    private static int Paths(string svg) => CountOf(svg, "<path") + CountOf(svg, "<polyline");

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

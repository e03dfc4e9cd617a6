using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Reports;

/// <summary>The exact floor in the readable report and the loss plot: a table naming both theory exponents, a dotted level.</summary>
public class FloorReportRenderingTests
{
    [Fact]
    public void TheTableShowsOneFloorLinePerAlphaBetaWithBothTheoryExponents()
    {
        SweepReport report = WithFloors(SampleReports.Create(betas: [1.5], gammas: [0.0, 1.0], widths: [16, 32, 64], withIssues: false));
        var writer = new StringWriter();
        ReportTables.Write(writer, ConsoleFactory.For(writer, isTerminal: false), report);
        string text = writer.ToString();
        string flat = string.Join(' ', text.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("model-size floor: the exact t -> inf loss", flat);
        Assert.Contains("eq. 12 x", text);
        Assert.Contains("corrected x", text);
        Assert.Contains("2.0100 [1.9500, 2.0700]", text);
        Assert.Contains("3.0000", text);
        Assert.Contains("2.0000", text);
        Assert.Single(text.Split('\n'), l => l.Contains("2.0100", StringComparison.Ordinal)); // the gamma lines repeat it: shown once
        Assert.Contains("corrected x: alpha min(1, beta), which the exact floor and the simulations follow for beta > 1", flat);
    }

    [Fact]
    public void ASkippedFloorIsSaidInOneLine()
    {
        SweepReport report = SampleReports.Create(withIssues: false) with { FloorsSkipped = "Floors left out: too costly." };
        var writer = new StringWriter();
        ReportTables.Write(writer, ConsoleFactory.For(writer, isTerminal: false), report);
        Assert.Contains("model-size floor: floors left out: too costly", writer.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheLossPlotDrawsEachGroupsFloorAndNamesItInTheLegend()
    {
        SweepReport report = SampleReports.Create(gammas: [1.0], widths: [64], withIssues: false);
        SweepReport floored = report with { Groups = [report.Groups[0] with { Floor = new GroupFloor(1e-3, 1e-5) }], Frontiers = [] };

        string with = Assert.Single(ReportPlots.Render(floored), p => p.Kind == "loss").Svg;
        string without = Assert.Single(ReportPlots.Render(report with { Frontiers = [] }), p => p.Kind == "loss").Svg;

        Assert.Contains("dotted level: exact t -&gt; inf floor", with);
        Assert.DoesNotContain("exact t -&gt; inf floor", without);
    }

    [Fact]
    public void ReportJsonHasTheFloorKeysAndReadsThemBack()
    {
        SweepReport report = WithFloors(SampleReports.Create(betas: [1.5], gammas: [1.0], widths: [16, 32, 64], withIssues: false));
        string json = ReportJson.Serialize(report);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        System.Text.Json.JsonElement root = document.RootElement;
        System.Text.Json.JsonElement line = root.GetProperty("floors")[0];
        Assert.Equal(
            ["config", "points", "exponent", "ci", "paperExponent", "correctedExponent", "reason"],
            line.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["N", "mean", "sem"], line.GetProperty("points")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("inf", line.GetProperty("config").GetProperty("B").GetString());
        Assert.Equal(["mean", "sem"], root.GetProperty("groups")[0].GetProperty("floor").EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("floorsSkipped").ValueKind);

        SweepReport back = ReportJson.Deserialize(json);
        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(report.Groups[0].Floor, back.Groups[0].Floor);
        Assert.Equal(report.Floors[0].Points, back.Floors[0].Points);
    }

    private static SweepReport WithFloors(SweepReport report)
    {
        FloorScalingReport[] lines = report.Frontiers.Select(f => new FloorScalingReport(
            f.Config,
            [new FloorPointReport(16, 1e-2, 1e-3), new FloorPointReport(32, 2.5e-3, 2e-4), new FloorPointReport(64, 6e-4, 5e-5)],
            2.01,
            [1.95, 2.07],
            3.0,
            2.0,
            null)).ToArray();
        return report with { Floors = lines, Groups = [.. report.Groups.Select(g => g with { Floor = new GroupFloor(1.0 / (g.Config.N * g.Config.N), 1e-6) })] };
    }
}

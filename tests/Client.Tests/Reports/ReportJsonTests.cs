using System.Text.Json;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Reports;

public class ReportJsonTests
{
    [Fact]
    public void AReportRoundTripsThroughReportJsonBitForBit()
    {
        SweepReport report = SampleReports.Create(batches: [null, 8]);

        string json = ReportJson.Serialize(report);
        SweepReport back = ReportJson.Deserialize(json);

        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal((report.Id, report.Name, report.Model, report.Runs), (back.Id, back.Name, back.Model, back.Runs));
        Assert.Equal(report.Groups.Length, back.Groups.Length);
        for (int i = 0; i < report.Groups.Length; i++)
        {
            GroupReport a = report.Groups[i];
            GroupReport b = back.Groups[i];
            Assert.Equal(a.Config, b.Config);
            Assert.Equal(a.Steps, b.Steps);
            Assert.Equal(a.Mean.Select(BitConverter.DoubleToInt64Bits), b.Mean.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(a.Sem.Select(BitConverter.DoubleToInt64Bits), b.Sem.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(a.Fit!.Exponent, b.Fit!.Exponent);
            Assert.Equal(a.Fit.Ci, b.Fit.Ci);
            Assert.Equal(a.Theory, b.Theory);
        }

        Assert.Contains(back.Groups, g => g.Config.B is null);
        Assert.Contains(back.Groups, g => g.Config.B == 8);
        Assert.Equal(report.Frontiers.Select(f => f.Config), back.Frontiers.Select(f => f.Config));
        Assert.Equal(report.Frontiers[0].Points, back.Frontiers[0].Points);
        Assert.Equal(report.Issues, back.Issues, (x, y) => x.Key == y.Key && x.Config == y.Config && x.Seed == y.Seed
            && x.Status == y.Status && x.DivergedAtStep == y.DivergedAtStep && x.Error == y.Error);
    }

    [Fact]
    public void TheReportFileWrittenByTheWriterReadsBack()
    {
        using var directory = new TemporaryDirectory();
        SweepReport report = SampleReports.Create(gammas: [1.0], widths: [32]);

        ReportWriter.Write(report, directory.Path);
        SweepReport back = ReportJson.Read(Path.Combine(directory.Path, ReportJson.FileName));

        Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(back));
    }

    [Fact]
    public void TheJsonHasEveryKeyOfTheSchema()
    {
        string json = ReportJson.Serialize(SampleReports.Create());

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        AssertKeys(root, "id", "name", "model", "runs", "groups", "frontiers", "issues");
        AssertKeys(root.GetProperty("runs"), "total", "pending", "running", "completed", "diverged", "failed", "cancelled");

        JsonElement group = root.GetProperty("groups")[0];
        AssertKeys(group, "config", "steps", "mean", "sem", "seeds", "diverged", "missing", "fit", "fitError", "theory");
        AssertKeys(group.GetProperty("config"), "alpha", "beta", "gamma", "N", "B", "eta", "M", "steps");
        AssertKeys(group.GetProperty("fit"), "exponent", "ci", "window", "intercept", "points");
        AssertKeys(group.GetProperty("theory"), "exponent", "phase", "regime");
        Assert.Equal(JsonValueKind.Array, group.GetProperty("steps").ValueKind);
        Assert.Equal(2, group.GetProperty("fit").GetProperty("ci").GetArrayLength());
        Assert.Equal(2, group.GetProperty("fit").GetProperty("window").GetArrayLength());
        Assert.Equal("inf", group.GetProperty("config").GetProperty("B").GetString());
        Assert.Equal("inf", group.GetProperty("config").GetProperty("P").GetString()); // online, as for B: never a bare null

        JsonElement frontier = root.GetProperty("frontiers")[0];
        AssertKeys(frontier, "config", "points", "exponent", "ci", "theory", "reason", "intercept", "fitRange");
        AssertKeys(frontier.GetProperty("config"), "alpha", "beta", "gamma", "B", "eta");
        AssertKeys(frontier.GetProperty("points")[0], "C", "L", "N", "interior");
        AssertKeys(frontier.GetProperty("theory"), "exponent", "phase");
        Assert.True(frontier.GetProperty("exponent").GetDouble() > 0); // a positive decay rate

        JsonElement issue = root.GetProperty("issues")[0];
        AssertKeys(issue, "key", "config", "seed", "status", "divergedAtStep", "error");
        Assert.Equal(1234, issue.GetProperty("divergedAtStep").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("issues")[1].GetProperty("divergedAtStep").ValueKind);
    }

    [Fact]
    public void AbsentValuesAreNullAndAFiniteBatchIsANumber()
    {
        SweepReport report = SampleReports.WithEmptyGroup();
        report = report with { Groups = [.. report.Groups.Select(g => g with { Config = g.Config with { B = 64 } })] };

        using JsonDocument document = JsonDocument.Parse(ReportJson.Serialize(report));
        JsonElement empty = document.RootElement.GetProperty("groups")[1];

        Assert.Equal(JsonValueKind.Null, empty.GetProperty("fit").ValueKind);
        Assert.StartsWith("All 4 seeds", empty.GetProperty("fitError").GetString());
        Assert.Equal(0, empty.GetProperty("mean").GetArrayLength());
        Assert.Equal(64, empty.GetProperty("config").GetProperty("B").GetInt64());
    }

    /// <summary>A finite training set's P is a number, an online group's "inf" (as for B), and both read back as written.</summary>
    [Fact]
    public void TheTrainingSetSizeIsANumberOrInf()
    {
        SweepReport online = SampleReports.Create(gammas: [1.0], widths: [32], withIssues: false);
        SweepReport report = online with
        {
            Groups = [online.Groups[0], online.Groups[0] with { Config = online.Groups[0].Config with { P = 256, B = 256 } }],
            Frontiers = [],
        };

        string json = ReportJson.Serialize(report);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement groups = document.RootElement.GetProperty("groups");

        Assert.Equal("inf", groups[0].GetProperty("config").GetProperty("P").GetString());
        Assert.Equal(256, groups[1].GetProperty("config").GetProperty("P").GetInt64());
        SweepReport back = ReportJson.Deserialize(json);
        Assert.Equal([null, 256L], back.Groups.Select(g => g.Config.P));
    }

    [Fact]
    public void ANaNIsNeverWritten()
    {
        SweepReport report = SampleReports.Create(gammas: [1.0], widths: [32]);
        GroupReport bad = report.Groups[0] with { Fit = report.Groups[0].Fit! with { Exponent = double.NaN } };

        Assert.ThrowsAny<ArgumentException>(() => ReportJson.Serialize(report with { Groups = [bad] }));
    }

    [Fact]
    public void ABatchOtherThanAnIntegerOrInfIsRejected()
    {
        string json = ReportJson.Serialize(SampleReports.Create(gammas: [1.0], widths: [32]));

        Assert.Throws<JsonException>(() => ReportJson.Deserialize(json.Replace("\"B\": \"inf\"", "\"B\": \"big\"", StringComparison.Ordinal)));
        Assert.Null(ReportJson.Deserialize(json.Replace("\"B\": \"inf\"", "\"B\": \"Infinity\"", StringComparison.Ordinal)).Groups[0].Config.B);
    }

    private static void AssertKeys(JsonElement element, params string[] keys)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        string[] names = element.EnumerateObject().Select(p => p.Name).ToArray();
        foreach (string key in keys)
        {
            Assert.Contains(key, names);
        }
    }
}

using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Reports;

public class ReportTablesTests
{
    [Fact]
    public void TablesShowGroupsFrontiersAndIssues()
    {
        SweepReport report = SampleReports.Create(gammas: [0.0, 1.0], widths: [16, 32, 64, 128, 256]);
        var writer = new StringWriter();

        ReportTables.Write(writer, ConsoleFactory.For(writer, isTerminal: false), report);

        string text = writer.ToString();
        Assert.StartsWith(
            "sweep sample-0123456789ab (projected): 40 runs: 38 completed, 1 diverged, 1 failed",
            text.Replace("\n  ", " ", StringComparison.Ordinal)); // a continuation line joined again
        GroupReport g = report.Groups[0];
        Assert.Contains($"{NumberFormat.Exponent(g.Fit!.Exponent)} [{NumberFormat.Exponent(g.Fit.Ci![0])}, {NumberFormat.Exponent(g.Fit.Ci[1])}]", text);
        Assert.Contains("fit chi [95% CI]", text);
        Assert.Contains("hard (lazy)", text);
        Assert.Contains("hard (rich)", text);
        Assert.Contains("Table 1 r_C", text);
        FrontierReport f = report.Frontiers[1];
        Assert.Contains(NumberFormat.Exponent(f.Theory.Exponent), text);
        Assert.Contains(NumberFormat.Exponent(f.Exponent!.Value), text);
        Assert.Contains("issues: 2 runs diverged or failed", text);
        Assert.Contains("at step 1234", text);
        Assert.Contains("worker lost three times", text); // the error on one line, under the table
        Assert.Contains("aaaaaaaaaaaa ", text); // keys shortened to 12 characters
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void GroupsWithoutAFitSayWhy()
    {
        SweepReport report = SampleReports.WithEmptyGroup() with { Issues = [] };
        var writer = new StringWriter();

        ReportTables.Write(writer, ConsoleFactory.For(writer, isTerminal: false), report);

        string text = writer.ToString();
        Assert.Contains("none [1]", text);
        Assert.Contains("  [1] no fit: all 4 seeds", text); // the reason as a clause, after a colon
        Assert.Contains("0 (4 diverged)", text);
        Assert.Contains("issues: none", text);
    }
}

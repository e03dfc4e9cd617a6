using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Client.Tests.Reports;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Tests.Tables;

/// <summary>
/// The sweep report's tables (groups, frontiers, theory curves, issues) and the list/status table at 80 columns,
/// and narrower, where a table falls back to one item list per row: every line fits, none ends in spaces, and
/// every number of the report appears whole on one line.
/// </summary>
public class ReportTableWidthTests
{
    public static TheoryData<int> Widths => new() { 80, 60 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void LinearNetworkGroupsWithTheoryCurvesAndPhaseNotesFit(int width)
    {
        SweepReport report = SampleReports.WithTheory(
            SampleReports.AsLinearNetwork(SampleReports.Create(betas: [0.2, 1.2], gammas: [0.01, 0.1, 1.0], widths: [100])),
            firstFailed: true);

        string text = Render(report, width);

        Rendered.AssertReadable(text, width, GroupNumbers(report));
        Assert.Contains("sweep sample-0123456789ab (linear-network):", text);
        Assert.Contains("every group: alpha=2, N=100, B=inf, eta=0.05, seeds=4", text);
        Assert.Contains("theory chi: linear network: observed rate, App. G.2", text); // once, under the table
        Assert.Single(Rendered.Lines(text), l => l.Contains("observed rate", StringComparison.Ordinal));
        Assert.Contains("hard (rich)", text);
        Assert.Contains("easy (rich)", text);
        Assert.Contains("theory curves (DMFT): 6: 5 completed, 1 failed, 0 missing;", Joined(text));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void GroupsAndFrontiersWithNothingSharedFit(int width)
    {
        // Two betas, two gammas, three widths, two batch sizes: every parameter column but alpha and eta varies.
        SweepReport report = SampleReports.Create(betas: [0.4, 1.2], gammas: [0.0, 1.0], widths: [16, 32, 64], batches: [null, 8]);

        string text = Render(report, width);

        Rendered.AssertReadable(text, width, GroupNumbers(report).Concat(FrontierNumbers(report)));
        Assert.Contains("every group: alpha=2, eta=0.05", text);
        Assert.Contains("every frontier: alpha=2, eta=0.05", text);
    }

    [Fact]
    public void TheTableLayoutIsKeptWhereItFits()
    {
        SweepReport report = SampleReports.Create(gammas: [0.0, 1.0], widths: [16, 32, 64, 128, 256]);

        string text = Render(report, 80);

        Rendered.AssertReadable(text, 80, GroupNumbers(report).Concat(FrontierNumbers(report)));
        string[] lines = Rendered.Lines(text);
        Assert.Contains(lines, l => l.StartsWith("  gamma", StringComparison.Ordinal) && l.Contains("fit chi [95% CI]") && l.Contains("theory chi"));
        Assert.Contains(lines, l => l.StartsWith("  gamma", StringComparison.Ordinal) && l.Contains("fit r_C [95% CI]") && l.Contains("Table 1 r_C"));
        Assert.DoesNotContain(lines, l => l.StartsWith("- ", StringComparison.Ordinal)); // no row-wise fallback
        Assert.Contains("every frontier: alpha=2, beta=0.4, B=inf, eta=0.05", lines); // the phase differs: lazy, rich
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FrontierWithoutAFitSaysWhyInOneSentence(int width)
    {
        SweepReport report = SampleReports.Create(gammas: [1.0], widths: [16, 32], withIssues: false);

        string text = Render(report, width);

        Rendered.AssertReadable(text, width, FrontierNumbers(report));
        Assert.Contains("none [1]", text);
        Assert.Contains("[1] no fit: only 2 width(s): at least 3 are needed", Joined(text));
        Assert.DoesNotContain("Only", text);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void IssuesFit(int width)
    {
        SweepReport report = SampleReports.Create(betas: [0.4], gammas: [0.0, 1.0], widths: [16, 32, 64]);

        string text = Render(report, width);

        Rendered.AssertReadable(text, width, ["1234", "7", "8"]);
        Assert.Contains("aaaaaaaaaaaa", text);
        Assert.Contains("bbbbbbbbbbbb", text);
        Assert.Contains("run bbbbbbbbbbbb: worker lost three times", Joined(text));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void SweepListFits(int width)
    {
        var created = new DateTimeOffset(2026, 12, 3, 17, 29, 0, TimeSpan.Zero);
        SweepStatus[] sweeps =
        [
            Status("hard-vs-easy-7ef346344c6a", SweepState.Completed, new RunCounts(32, 0, 0, 32, 0, 0, 0), created),
            Status("compute-optimal-9b20fe4c2ddd", SweepState.Running, new RunCounts(40, 10, 2, 26, 1, 1, 0), created.AddHours(1)),
        ];
        var writer = new StringWriter();

        SweepTable.Write(ConsoleFactory.For(writer, isTerminal: false, width), sweeps);

        string text = writer.ToString();
        Rendered.AssertReadable(text, width, ["32/32", "28/40"]);
        Assert.Contains("hard-vs-easy-7ef346344c6a", text);
        Assert.Contains("28/40 done (1 diverged, 1 failed), 2 running", Joined(text));
        Assert.Contains("2026-12-03 18:29:00", text);
    }

    [Fact]
    public void SweepListOfTypicalSweepsIsATableAt80Columns()
    {
        var writer = new StringWriter();
        SweepStatus done = Status("linear-network-e95840a999db", SweepState.Completed, new RunCounts(24, 0, 0, 24, 0, 0, 0), DateTimeOffset.UnixEpoch);

        SweepTable.Write(ConsoleFactory.For(writer, isTerminal: false), [done]);

        string[] lines = Rendered.Lines(writer.ToString());
        Assert.Equal("  id                            state       runs         created (UTC)", lines[1]);
        Assert.Equal("  linear-network-e95840a999db   completed   24/24 done   1970-01-01 00:00:00", lines[3]);
    }

    /// <summary>The report at <paramref name="width"/> columns, as `results` writes it.</summary>
    private static string Render(SweepReport report, int width)
    {
        var writer = new StringWriter();
        ReportTables.Write(writer, ConsoleFactory.For(writer, isTerminal: false, width), report);
        return writer.ToString();
    }

    /// <summary>Text with its wrapped lines joined again, for phrases that may break between words.</summary>
    private static string Joined(string text) =>
        string.Join(" ", Rendered.Lines(text).Select(l => l.Trim()));

    private static IEnumerable<string> GroupNumbers(SweepReport report)
    {
        foreach (GroupReport g in report.Groups)
        {
            yield return NumberFormat.Exponent(g.Theory.Exponent);
            yield return NumberFormat.Integer(g.Config.N);
            if (g.Fit is { } fit)
            {
                yield return NumberFormat.Exponent(fit.Exponent);
                yield return NumberFormat.Exponent(fit.Ci![0]);
                yield return NumberFormat.Exponent(fit.Ci[1]);
                yield return NumberFormat.Integer(fit.Window[0]);
                yield return NumberFormat.Integer(fit.Window[1]);
            }
        }
    }

    private static IEnumerable<string> FrontierNumbers(SweepReport report)
    {
        foreach (FrontierReport f in report.Frontiers)
        {
            yield return NumberFormat.Exponent(f.Theory.Exponent);
            yield return $"{f.Points.Count(p => p.Interior)}/{f.Points.Length}";
            if (f.Exponent is { } r)
            {
                yield return NumberFormat.Exponent(r);
                foreach (double bound in f.Ci ?? [])
                {
                    yield return NumberFormat.Exponent(bound);
                }
            }
        }
    }

    private static SweepStatus Status(string id, SweepState state, RunCounts runs, DateTimeOffset created) =>
        new(id, id[..^13], state, runs, 0, 0, 0, 2, null, created);
}

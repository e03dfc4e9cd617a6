using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Client.Tests.Reports;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Tables;

/// <summary>
/// The README shows the examples' reports as `run` prints them; these are those reports (<see cref="ReadmeReports"/>)
/// drawn by the table code at 80 columns, so a change of layout that is not copied into the docs fails here.
/// </summary>
public class ReadmeTablesTests
{
    public static TheoryData<string> Examples => new() { "hard-vs-easy", "compute-optimal", "linear-network", "dmft-theory", "finite-data" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void ReadmeShowsTheReportAsTheTablesDrawIt(string example)
    {
        SweepReport report = example switch
        {
            "hard-vs-easy" => ReadmeReports.HardVsEasy(),
            "compute-optimal" => ReadmeReports.ComputeOptimal(),
            "linear-network" => ReadmeReports.LinearNetwork(),
            "finite-data" => ReadmeReports.FiniteData(),
            _ => ReadmeReports.DmftTheory(),
        };
        var writer = new StringWriter();
        ReportTables.Write(writer, ConsoleFactory.For(writer, isTerminal: false), report);
        string rendered = writer.ToString().ReplaceLineEndings("\n");

        Rendered.AssertFits(rendered, 80);
        string docs = Docs();
        // Block by block (blank lines between): the README may leave a part out with "...".
        foreach (string block in rendered.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(docs.Contains(block.TrimEnd('\n'), StringComparison.Ordinal), $"not in the README ({example}):\n{block}");
        }
    }

    /// <summary>README.md and the Markdown under docs/, found above the test's directory.</summary>
    private static string Docs()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "README.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        string docs = Path.Combine(directory.FullName, "docs");
        IEnumerable<string> files = Directory.Exists(docs) ? Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories) : [];
        return string.Join("\n", files.Prepend(Path.Combine(directory.FullName, "README.md")).Select(File.ReadAllText))
            .ReplaceLineEndings("\n");
    }
}

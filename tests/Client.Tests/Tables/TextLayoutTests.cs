using ScaleSweep.Client.Output;

namespace ScaleSweep.Client.Tests.Tables;

/// <summary>The pieces every table is drawn with: line breaking, the table and its row-wise fallback, reasons as clauses.</summary>
public class TextLayoutTests
{
    [Fact]
    public void LinesBreakBetweenWordsAndKeepTheirIndent()
    {
        IReadOnlyList<string> lines = TextWrap.Lines("  [1] no fit: 0.3958 0.3905 0.4011 0.5235 0.5170", 20, indent: 4);

        Assert.Equal(["  [1] no fit: 0.3958", "      0.3905 0.4011", "      0.5235 0.5170"], lines);
    }

    [Fact]
    public void AWordLongerThanALineIsLeftWhole()
    {
        IReadOnlyList<string> lines = TextWrap.Lines("id: hard-vs-easy-7ef346344c6a done", 12);

        Assert.Equal(["id:", "  hard-vs-easy-7ef346344c6a", "  done"], lines);
    }

    [Fact]
    public void ItemsBreakBetweenItemsAndKeepTheSeparatorsMark()
    {
        IReadOnlyList<string> lines = TextWrap.Items(["beta: 0.4", "gamma: 1", "fit: 0.5235 [0.5170, 0.5327]"], 24, "; ", 2, "- ");

        // The item longer than a line breaks at its own spaces, greedily; ";" kept room for at the first break.
        Assert.Equal(["- beta: 0.4; gamma: 1;", "  fit: 0.5235 [0.5170,", "  0.5327]"], lines);
    }

    [Fact]
    public void TableAlignsColumnsWithoutTrailingSpaces()
    {
        var table = new TextTable().AddColumn("N").AddColumn("phase", right: false);
        table.AddRow("16", "hard (lazy)");
        table.AddRow("256", "easy");

        Assert.Equal(
            ["", "    N   phase", "  " + new string('\u2500', 17), "   16   hard (lazy)", "  256   easy", ""],
            table.Lines(80));
        Assert.Equal(19, table.Width);
    }

    [Fact]
    public void ATableWiderThanTheOutputIsWrittenRowByRow()
    {
        var table = new TextTable().AddColumn("N").AddColumn("fit chi [95% CI]");
        table.AddRow("16", "0.0722 [0.0500, 0.1031]");

        Assert.Equal(["", "- N: 16; fit chi [95% CI]:", "  0.0722 [0.0500, 0.1031]", ""], table.Lines(28));
    }

    [Fact]
    public void SharedColumnsLeaveTheTableInOrder()
    {
        var table = new TextTable().AddColumn("alpha", shared: true).AddColumn("N", shared: true).AddColumn("eta", shared: true).AddColumn("fit");
        table.AddRow("2", "16", "0.05", "0.1");
        table.AddRow("2", "32", "0.05", "0.2");

        Assert.Equal(["alpha=2", "eta=0.05"], table.TakeShared());
        Assert.Equal("   N   fit", table.TableLines()[1]);
    }

    [Theory]
    [InlineData("Only 2 width(s): at least 3 are needed.", "only 2 width(s): at least 3 are needed")]
    [InlineData("All 4 seeds diverged;\nthere is no curve to fit.", "all 4 seeds diverged; there is no curve to fit")]
    [InlineData("DMFT did not converge.", "DMFT did not converge")]
    [InlineData("N must be at least 1", "N must be at least 1")]
    [InlineData("ArgumentOutOfRangeException: boom", "ArgumentOutOfRangeException: boom")]
    [InlineData("all 2 seeds diverged", "all 2 seeds diverged")]
    public void ReasonsReadAsClauses(string message, string clause) => Assert.Equal(clause, Reason.Clause(message));
}

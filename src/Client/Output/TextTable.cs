namespace ScaleSweep.Client.Output;

/// <summary>
/// A table of plain text cells, drawn by this program rather than by Spectre.Console so that a cell is never
/// wrapped, no line ends in spaces, and the width is known before anything is written. When the table is wider
/// than the output, each row is written as one "name: value; ..." item list instead, broken between items:
/// a number is never split across lines.
/// </summary>
internal sealed class TextTable
{
    private const string Margin = "  ";
    private const string Gap = "   ";

    private readonly List<Column> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>Characters of the widest line of the table layout.</summary>
    public int Width
    {
        get
        {
            int[] widths = ColumnWidths();
            return Margin.Length + widths.Sum() + (Gap.Length * Math.Max(0, widths.Length - 1));
        }
    }

    /// <summary>Adds a column.</summary>
    /// <param name="header">Its header.</param>
    /// <param name="right">Right-aligned (numbers) or left-aligned (words).</param>
    /// <param name="shared">Whether <see cref="TakeShared"/> may take it out of the table when every row has the same value.</param>
    public TextTable AddColumn(string header, bool right = true, bool shared = false)
    {
        if (_rows.Count > 0)
        {
            throw new InvalidOperationException("Columns come before rows.");
        }

        _columns.Add(new Column(header, right, shared));
        return this;
    }

    /// <summary>Adds a row, one cell per column.</summary>
    public void AddRow(params string[] cells)
    {
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"{cells.Length} cells for {_columns.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>
    /// Removes the columns marked shared whose value is the same in every row and returns them as "header=value"
    /// items, for one line above the table: a column of repeats carries one value and costs a table's width.
    /// </summary>
    public IReadOnlyList<string> TakeShared()
    {
        var taken = new List<string>();
        if (_rows.Count == 0)
        {
            return taken;
        }

        for (int c = _columns.Count - 1; c >= 0; c--)
        {
            if (_columns[c].Shared && _rows.All(r => r[c] == _rows[0][c]))
            {
                taken.Insert(0, $"{_columns[c].Header}={_rows[0][c]}");
                _columns.RemoveAt(c);
                for (int r = 0; r < _rows.Count; r++)
                {
                    _rows[r] = [.. _rows[r][..c], .. _rows[r][(c + 1)..]];
                }
            }
        }

        return taken;
    }

    /// <summary>The table layout: a blank line, the headers, a rule, the rows, a blank line.</summary>
    public IReadOnlyList<string> TableLines()
    {
        int[] widths = ColumnWidths();
        var lines = new List<string> { string.Empty, Line(_columns.Select(c => c.Header).ToArray(), widths) };
        lines.Add(Margin + new string('\u2500', Width - Margin.Length));
        lines.AddRange(_rows.Select(r => Line(r, widths)));
        lines.Add(string.Empty);
        return lines;
    }

    /// <summary>The row-wise layout for <paramref name="width"/> columns: each row one "- header: value; ..." list, broken between items.</summary>
    public IReadOnlyList<string> StackedLines(int width)
    {
        var lines = new List<string> { string.Empty };
        foreach (string[] row in _rows)
        {
            IEnumerable<string> items = row.Select((cell, c) => $"{_columns[c].Header}: {cell}");
            lines.AddRange(TextWrap.Items(items, width, "; ", TextWrap.Indent, "- "));
        }

        lines.Add(string.Empty);
        return lines;
    }

    /// <summary>The table if it fits in <paramref name="width"/> columns, else the row-wise layout.</summary>
    public IReadOnlyList<string> Lines(int width) => Width <= width ? TableLines() : StackedLines(width);

    /// <summary>Writes <see cref="Lines(int)"/>.</summary>
    public void Write(TextWriter writer, int width)
    {
        foreach (string line in Lines(width))
        {
            writer.WriteLine(line);
        }
    }

    private int[] ColumnWidths() =>
        _columns.Select((column, c) => _rows.Select(r => r[c].Length).Prepend(column.Header.Length).Max()).ToArray();

    private string Line(string[] cells, int[] widths)
    {
        IEnumerable<string> padded = cells.Select((cell, c) => _columns[c].Right ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        return (Margin + string.Join(Gap, padded)).TrimEnd();
    }

    private sealed record Column(string Header, bool Right, bool Shared);
}

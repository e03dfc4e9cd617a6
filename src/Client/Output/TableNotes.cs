namespace ScaleSweep.Client.Output;

/// <summary>
/// Text that belongs to a table's cells but would make its rows too wide: written under the table, numbered
/// ("[1] no fit: ...") where a cell refers to it, or as a plain legend line where it holds for every row.
/// </summary>
internal sealed class TableNotes
{
    private readonly List<string> _numbered = [];
    private readonly List<string> _legend = [];

    /// <summary>Adds <paramref name="text"/> (once: the same text gets the same number) and returns its marker, "[n]".</summary>
    public string Number(string text)
    {
        int index = _numbered.IndexOf(text);
        if (index < 0)
        {
            _numbered.Add(text);
            index = _numbered.Count - 1;
        }

        return $"[{index + 1}]";
    }

    /// <summary>Adds a line that explains a whole column, unnumbered.</summary>
    public void Legend(string text)
    {
        if (!_legend.Contains(text))
        {
            _legend.Add(text);
        }
    }

    /// <summary>The legend lines, then the numbered notes, each broken to <paramref name="width"/> under its own text.</summary>
    public void Write(TextWriter writer, int width)
    {
        foreach (string line in _legend)
        {
            TextWrap.Write(writer, "  " + line, width);
        }

        for (int i = 0; i < _numbered.Count; i++)
        {
            string marker = $"  [{i + 1}] ";
            TextWrap.Write(writer, marker + _numbered[i], width, marker.Length - 2);
        }
    }
}

using System.Text;

namespace ScaleSweep.Client.Output;

/// <summary>
/// Plain lines broken at spaces to fit the output width. A word (a number, an id) is never split: one longer
/// than a line is left whole, and the terminal may wrap or scroll it, rather than show it as two values.
/// </summary>
internal static class TextWrap
{
    /// <summary>Continuation lines start this far in, so a wrapped line reads as one.</summary>
    public const int Indent = 2;

    /// <summary>
    /// <paramref name="text"/> broken at spaces into lines of at most <paramref name="width"/> characters; its own
    /// leading spaces stay, and continuation lines are indented <paramref name="indent"/> further.
    /// </summary>
    public static IReadOnlyList<string> Lines(string text, int width, int indent = Indent)
    {
        string lead = text[..(text.Length - text.TrimStart(' ').Length)];
        return Items(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), width, " ", lead.Length + indent, lead);
    }

    /// <summary>
    /// <paramref name="items"/> joined by <paramref name="separator"/>, a new line where the next item would not fit;
    /// an item longer than a line is broken at its own spaces. A line that breaks after an item keeps the
    /// separator's mark (";" of "; ").
    /// </summary>
    public static IReadOnlyList<string> Items(IEnumerable<string> items, int width, string separator, int indent = Indent, string prefix = "")
    {
        var lines = new List<string>();
        var line = new StringBuilder(prefix);
        bool empty = true;
        string mark = separator.TrimEnd();
        string pad = new(' ', indent);

        void Place(string piece, string join, string breakMark)
        {
            // Room for the mark too: it is added if the next piece breaks the line.
            if (!empty && line.Length + join.Length + piece.Length + mark.Length > width)
            {
                lines.Add(line.Append(breakMark).ToString().TrimEnd());
                line.Clear().Append(pad);
                empty = true;
            }

            line.Append(empty ? string.Empty : join).Append(piece);
            empty = false;
        }

        foreach (string item in items)
        {
            if (indent + item.Length <= width || !item.Contains(' ', StringComparison.Ordinal))
            {
                Place(item, separator, mark);
                continue;
            }

            string[] words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < words.Length; i++)
            {
                Place(words[i], i == 0 ? separator : " ", i == 0 ? mark : string.Empty);
            }
        }

        if (!empty || lines.Count == 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>Writes <paramref name="text"/> broken to <paramref name="width"/>.</summary>
    public static void Write(TextWriter writer, string text, int width, int indent = Indent)
    {
        foreach (string line in Lines(text, width, indent))
        {
            writer.WriteLine(line);
        }
    }
}

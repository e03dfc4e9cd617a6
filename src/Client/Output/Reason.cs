namespace ScaleSweep.Client.Output;

/// <summary>
/// Why-messages (exception messages, a report's reasons for no fit) as they read inside a sentence of the CLI's
/// own, after "no fit: " or in parentheses. They are written as sentences ("Only 2 width(s): ..."), which is right
/// for an exception and for report.json, but a capital after a colon reads as a second sentence.
/// </summary>
internal static class Reason
{
    /// <summary>
    /// <paramref name="message"/> on one line, without its final period, its first word lowered when it is an
    /// ordinary capitalised word ("Only", "All", "No"), not a name or symbol ("DMFT", "N", "ArgumentException").
    /// </summary>
    public static string Clause(string message)
    {
        string text = ScaleSweepCli.OneLine(message).TrimEnd('.');
        int end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        bool ordinary = end >= 2 && char.IsUpper(text[0]) && text[1..end].All(char.IsLower);
        return ordinary ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}

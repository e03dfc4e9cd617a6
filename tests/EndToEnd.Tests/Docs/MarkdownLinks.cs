using System.Text;
using System.Text.RegularExpressions;

namespace ScaleSweep.EndToEnd.Tests.Docs;

/// <summary>
/// The links of a Markdown file and the anchors its headings make, as GitHub renders them; text inside
/// code fences is neither.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>Each relative link target ("docs/cli.md#exit-codes", "#caps", "images/x.png") with its line.</summary>
    public static IEnumerable<(int Line, string Target)> RelativeLinks(string path)
    {
        int number = 0;
        foreach (string line in Prose(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            foreach (Match match in LinkPattern().Matches(line))
            {
                string target = match.Groups[1].Value;
                if (!target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    yield return (number, target);
                }
            }
        }
    }

    /// <summary>The anchors of the file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static HashSet<string> Anchors(string path)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in Prose(path))
        {
            Match heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                anchors.Add(Slug(heading.Groups[1].Value));
            }
        }

        return anchors;
    }

    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (char c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The file's lines, with those inside code fences blanked so line numbers stay true.</summary>
    private static IEnumerable<string> Prose(string path)
    {
        bool fenced = false;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                yield return string.Empty;
                continue;
            }

            yield return fenced ? string.Empty : line;
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6} (.+)$")]
    private static partial Regex HeadingPattern();
}

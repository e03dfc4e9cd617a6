using System.Text.RegularExpressions;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.Docs;

/// <summary>
/// Every document the README, docs/ and the code name exists, and every anchor a link names is a
/// heading of its target: a reader never follows a link into nothing.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> MarkdownFiles()
    {
        var files = new TheoryData<string>();
        foreach (string file in Documents())
        {
            files.Add(Path.GetRelativePath(Repository.Root, file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_and_anchor_resolves(string file)
    {
        string path = Path.Combine(Repository.Root, file);
        var broken = new List<string>();
        foreach ((int line, string target) in MarkdownLinks.RelativeLinks(path))
        {
            string[] parts = target.Split('#', 2);
            string resolved = parts[0].Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, parts[0]));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{file}:{line}: {target}: no such file");
            }
            else if (parts.Length == 2 && resolved.EndsWith(".md", StringComparison.Ordinal) && !MarkdownLinks.Anchors(resolved).Contains(parts[1]))
            {
                broken.Add($"{file}:{line}: {target}: no such heading");
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Fact]
    public void Every_doc_the_code_names_exists()
    {
        var missing = new List<string>();
        foreach (string source in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (source.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match named in DocPathPattern().Matches(File.ReadAllText(source)))
            {
                if (!File.Exists(Path.Combine(Repository.Root, named.Value)))
                {
                    missing.Add($"{Path.GetRelativePath(Repository.Root, source)} names {named.Value}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void The_readme_links_every_document_in_docs()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        string[] unlinked = Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md")
            .Select(f => "docs/" + Path.GetFileName(f))
            .Where(doc => !readme.Contains($"]({doc}", StringComparison.Ordinal))
            .ToArray();

        Assert.True(unlinked.Length == 0, "not linked from README.md: " + string.Join(", ", unlinked));
    }

    private static IEnumerable<string> Documents()
    {
        yield return Path.Combine(Repository.Root, "README.md");
        foreach (string folder in new[] { "docs", "deploy", "examples" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.md", SearchOption.AllDirectories))
            {
                if (!file.Contains("node_modules", StringComparison.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    [GeneratedRegex(@"docs/[A-Za-z0-9_\-/]+\.md")]
    private static partial Regex DocPathPattern();
}

using YamlDotNet.RepresentationModel;

namespace ScaleSweep.EndToEnd.Tests.Deploy;

/// <summary>Every YAML document of deploy/kubernetes, parsed, with the few look-ups the tests make.</summary>
public sealed class KubernetesManifests
{
    private KubernetesManifests(IReadOnlyList<(string File, YamlMappingNode Node)> documents)
    {
        Documents = documents;
    }

    public static string Folder => Path.Combine(Repository.Root, "deploy", "kubernetes");

    /// <summary>The documents with the file each came from.</summary>
    public IReadOnlyList<(string File, YamlMappingNode Node)> Documents { get; }

    public static KubernetesManifests Load()
    {
        var documents = new List<(string, YamlMappingNode)>();
        foreach (string file in Directory.EnumerateFiles(Folder, "*.yaml").Concat(Directory.EnumerateFiles(Folder, "*.yml")).Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(file)))
            {
                stream.Load(reader);
            }

            foreach (YamlDocument document in stream.Documents)
            {
                documents.Add((Path.GetFileName(file), (YamlMappingNode)document.RootNode));
            }
        }

        return new KubernetesManifests(documents);
    }

    /// <summary>The documents of a kind.</summary>
    public IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Select(d => d.Node).Where(n => Text(n, "kind") == kind);

    /// <summary>The one document of a kind and name.</summary>
    public YamlMappingNode Named(string kind, string name) => OfKind(kind).Single(n => Text(n, "metadata", "name") == name);

    /// <summary>The node at the path of mapping keys; null when a key is missing.</summary>
    public static YamlNode? At(YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (string key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The scalar at the path; null when missing.</summary>
    public static string? Text(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    /// <summary>The items of the sequence at the path; empty when missing.</summary>
    public static IEnumerable<YamlMappingNode> Items(YamlNode node, params string[] path) =>
        (At(node, path) as YamlSequenceNode)?.Children.Cast<YamlMappingNode>() ?? [];

    /// <summary>The string pairs of the mapping at the path (labels, annotations, data); empty when missing.</summary>
    public static Dictionary<string, string> Pairs(YamlNode node, params string[] path) =>
        (At(node, path) as YamlMappingNode)?.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);
}

using System.Text.Json;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>The counts a sweep spec implies, read from its JSON independently of the program under test.</summary>
public sealed record SpecFile(string Path, string Name, int GridPoints, int Seeds)
{
    private static readonly string[] GridFields = ["alpha", "beta", "gamma", "N", "B", "eta"];

    /// <summary>One run per grid point and seed.</summary>
    public int Runs => GridPoints * Seeds;

    public static SpecFile Read(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        int points = 1;
        foreach (string field in GridFields)
        {
            // A grid is a list of values or a single value.
            points *= root.GetProperty(field) is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : 1;
        }

        JsonElement seeds = root.GetProperty("seeds");
        int seedCount = seeds.ValueKind == JsonValueKind.Array ? seeds.GetArrayLength() : seeds.GetInt32();
        return new SpecFile(path, root.GetProperty("name").GetString()!, points, seedCount);
    }

    /// <summary>Writes a small, quick projected-model spec with a name of its own to the folder.</summary>
    public static SpecFile WriteSmall(string directory, string name)
    {
        string path = System.IO.Path.Combine(directory, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "model": "projected",
              "alpha": [2],
              "beta": [0.4],
              "gamma": [0, 1],
              "N": [16, 32, 64],
              "B": ["inf"],
              "eta": 0.05,
              "M": 500,
              "steps": 400,
              "seeds": 2
            }
            """);
        return Read(path);
    }
}

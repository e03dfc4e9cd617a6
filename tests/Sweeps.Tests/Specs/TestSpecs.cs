using System.Text.Json.Nodes;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>A valid spec to start from, and helpers that break one field of it.</summary>
internal static class TestSpecs
{
    /// <summary>1 alpha x 2 beta x 2 gamma x 2 N x 2 B x 1 eta x 4 seeds = 64 runs.</summary>
    public const string Valid = """
        {
          "name": "hard-task.rich",
          "model": "projected",
          "alpha": [2.0],
          "beta": [0.4, 1.2],
          "gamma": [0, 1],
          "N": [64, 128],
          "B": [32, "inf"],
          "eta": 0.05,
          "M": 4000,
          "steps": 3000,
          "seeds": 4,
          "pointsPerDecade": 10,
          "fitWindow": [100, 3000],
          "checkpointSeconds": 60
        }
        """;

    public static SweepLimits Limits => new();

    public static JsonObject ValidObject() => JsonNode.Parse(Valid)!.AsObject();

    /// <summary>The valid spec with <paramref name="key"/> set to the JSON text <paramref name="valueJson"/>.</summary>
    public static string With(string key, string valueJson)
    {
        JsonObject spec = ValidObject();
        spec[key] = JsonNode.Parse(valueJson);
        return spec.ToJsonString();
    }

    public static string Without(string key)
    {
        JsonObject spec = ValidObject();
        spec.Remove(key);
        return spec.ToJsonString();
    }

    public static SweepSpec Parse(string json, SweepLimits? limits = null) => SweepSpecParser.Parse(json, limits ?? Limits);

    /// <summary>Parses <paramref name="json"/>, expecting a one-line rejection about <paramref name="field"/>.</summary>
    public static SweepSpecException Rejects(string json, string field, params string[] contains) =>
        AssertRejection(() => Parse(json), field, contains);

    public static SweepSpecException RejectsWith(string json, SweepLimits limits, string field, params string[] contains) =>
        AssertRejection(() => Parse(json, limits), field, contains);

    public static SweepSpecException AssertRejection(Action act, string field, params string[] contains)
    {
        SweepSpecException e = Assert.Throws<SweepSpecException>(act);
        Assert.True(field == e.Field, $"expected field '{field}', got '{e.Field}': {e.Message}");
        Assert.StartsWith(field + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        foreach (string part in contains)
        {
            Assert.True(e.Message.Contains(part, StringComparison.Ordinal), $"expected '{part}' in: {e.Message}");
        }

        return e;
    }
}

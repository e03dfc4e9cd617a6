using System.Text.Json;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// Reads the spec field "theory": a string ("matched", "infinite") or an object
/// {"width": "matched" | "infinite", "modes": integer}. Ranges and caps are the validator's.
/// </summary>
internal static class TheorySpecReader
{
    private const string WidthKey = "width";
    private const string ModesKey = "modes";

    public static TheorySpec Read(JsonElement element, SweepLimits limits)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new TheorySpec(Width(element, F.Theory));
            case JsonValueKind.Object:
                return ReadObject(element, limits);
            default:
                throw new SweepSpecException(F.Theory, $"{SpecJson.Describe(element)} is not a theory request: {R.Theory}");
        }
    }

    private static TheorySpec ReadObject(JsonElement element, SweepLimits limits)
    {
        JsonElement? width = null, modes = null;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case WidthKey when width is null:
                    width = property.Value;
                    break;
                case ModesKey when modes is null:
                    modes = property.Value;
                    break;
                case WidthKey or ModesKey:
                    throw new SweepSpecException($"{F.Theory}.{property.Name}", $"duplicate key: each field may appear once; {R.Theory}");
                default:
                    string shown = property.Name.Length <= 64 ? property.Name : property.Name[..64] + "...";
                    throw new SweepSpecException($"{F.Theory}.{shown}", $"unknown field; the allowed fields of theory are width and modes. {R.Theory}");
            }
        }

        if (width is not { } w || w.ValueKind == JsonValueKind.Null)
        {
            throw new SweepSpecException(F.TheoryWidth, $"required field missing; {R.Theory}");
        }

        int? budget = modes is { ValueKind: not JsonValueKind.Null } m
            ? SpecJson.Int32(m, F.TheoryModes, R.TheoryModes(limits))
            : null;
        return new TheorySpec(Width(w, F.TheoryWidth), budget);
    }

    private static TheoryWidth Width(JsonElement element, string path)
    {
        string text = SpecJson.String(element, path, R.Theory);
        return text switch
        {
            "matched" => TheoryWidth.Matched,
            "infinite" => TheoryWidth.Infinite,
            _ => throw new SweepSpecException(path, $"{R.Quote(text)} is not a theory width: {R.Theory}"),
        };
    }
}

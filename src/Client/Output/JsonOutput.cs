using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScaleSweep.Client.Output;

/// <summary>
/// How every command writes JSON: one line, camelCase keys, doubles in their shortest round-trip
/// form (System.Text.Json's default), so parsing the output gives back the same bits.
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Writes exactly one JSON document on one line.</summary>
    public static void Write<T>(TextWriter writer, T document)
    {
        writer.WriteLine(JsonSerializer.Serialize(document, Options));
        writer.Flush();
    }

    /// <summary>JSON has no NaN: a missing value is null.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using ScaleSweep.Client.Options;

namespace ScaleSweep.Client.Reports;

/// <summary>The batch size B (and the training-set size P) in report.json: an integer, or the string "inf" for the infinite batch or online training (null in the records).</summary>
/// <remarks>Written as "inf" rather than null so that a reader cannot mistake the population gradient for a missing value.</remarks>
internal sealed class BatchJsonConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetInt64();
            case JsonTokenType.String when BatchSize.IsInfinite(reader.GetString() ?? string.Empty):
                return null;
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"a batch or training-set size must be a positive integer or \"{BatchSize.Infinite}\".");
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } b)
        {
            writer.WriteNumberValue(b);
        }
        else
        {
            writer.WriteStringValue(BatchSize.Infinite);
        }
    }
}

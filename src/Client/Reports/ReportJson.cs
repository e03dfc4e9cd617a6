using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// report.json: a <see cref="SweepReport"/> as indented JSON with camelCase keys (one-letter symbols keep
/// their case), B and P written as "inf" for the infinite batch and online training, and doubles in their shortest round-trip form,
/// so reading the file gives back the same bits. Absent values are null, never NaN (writing a NaN throws).
/// </summary>
internal static class ReportJson
{
    /// <summary>The file name inside a report directory.</summary>
    public const string FileName = "report.json";

    /// <summary>Options that write and read report.json.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(SweepReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    /// <exception cref="JsonException">The text is not a report.</exception>
    public static SweepReport Deserialize(string json) =>
        JsonSerializer.Deserialize<SweepReport>(json, Options) ?? throw new JsonException("report.json holds null, not a report.");

    public static void Write(SweepReport report, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(Serialize(report));
    }

    public static SweepReport Read(string path) => Deserialize(File.ReadAllText(path, Encoding.UTF8));

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(InfiniteBatch);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = ReportNamingPolicy.Instance,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = resolver,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Only the batch sizes, the training-set sizes P (online is P = "inf") and a theory curve's width, which may
    /// be infinite too, get the "inf" converter: other nullable integers (a divergence step) stay null when absent.
    /// </summary>
    private static void InfiniteBatch(JsonTypeInfo info)
    {
        bool theory = info.Type == typeof(DmftCurveConfig);
        if (info.Type != typeof(GroupConfig) && info.Type != typeof(FrontierConfig) && !theory)
        {
            return;
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.PropertyType == typeof(long?) && (property.Name is "B" or "P" || (theory && property.Name == "N")))
            {
                property.CustomConverter = new BatchJsonConverter();
            }
        }

        if (info.Type == typeof(GroupConfig))
        {
            MlpFields(info);
        }
    }

    /// <summary>
    /// A group of the MLP on the circle writes "q", "qPhi" and "depth" (its K is "M"); other models' groups leave them out,
    /// so their report.json is what it was before the MLP.
    /// </summary>
    private static void MlpFields(JsonTypeInfo info)
    {
        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.Name is "Q" or "qPhi" or "depth")
            {
                property.Name = property.Name == "Q" ? "q" : property.Name;
                property.ShouldSerialize = (_, value) => value is not null;
            }
        }
    }
}

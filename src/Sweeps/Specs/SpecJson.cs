using System.Text;
using System.Text.Json;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// Reads the values of a spec's JSON with a message for every kind of mistake. Each reader takes the
/// value's JSON path and its allowed range, and shows the value as it was written (so "1e400" is shown
/// as typed, not as the infinity it parses to).
/// </summary>
internal static class SpecJson
{
    private const int MaxShownJson = 40;

    /// <summary>The object's fields by key; a duplicate or unknown key is an error.</summary>
    public static Dictionary<string, JsonElement> Fields(JsonElement root)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            string key = property.Name;
            if (!F.All.Contains(key, StringComparer.Ordinal))
            {
                string? meant = F.All.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase));
                string hint = meant is null ? string.Empty : $" (keys are case-sensitive: did you mean \"{meant}\"?)";
                throw new SweepSpecException(Key(key), $"unknown field{hint}; the allowed fields are {F.AllowedList}.");
            }

            // JSON readers disagree on which duplicate wins, so a repeated key is refused rather than guessed.
            if (!fields.TryAdd(key, property.Value))
            {
                throw new SweepSpecException(key, $"duplicate key: {key} is given twice ({Describe(fields[key])} and "
                    + $"{Describe(property.Value)}); each field may appear once.");
            }
        }

        return fields;
    }

    /// <summary>
    /// A grid: a list, or a single value read as a one-element list (recorded in
    /// <paramref name="scalarGrids"/> so messages name it "alpha", not "alpha[0]").
    /// </summary>
    public static T[] Grid<T>(
        JsonElement element, string field, List<string> scalarGrids, Func<JsonElement, string, string, T> read,
        string? range = null)
    {
        range ??= R.OfGrid(field);
        if (element.ValueKind != JsonValueKind.Array)
        {
            scalarGrids.Add(field);
            return [read(element, field, range)];
        }

        var values = new T[element.GetArrayLength()];
        int i = 0;
        foreach (JsonElement entry in element.EnumerateArray())
        {
            values[i] = read(entry, $"{field}[{i}]", range);
            i++;
        }

        return values;
    }

    public static string String(JsonElement element, string path, string range)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new SweepSpecException(path, $"{Describe(element)} is not a string: {range}");
        }

        return element.GetString()!;
    }

    public static double Double(JsonElement element, string path, string range)
    {
        RequireNumber(element, path, range, "a number");
        if (!element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw new SweepSpecException(path, $"{element.GetRawText()} is out of range (beyond the largest double): {range}");
        }

        // -0 would give a run a different fingerprint ("-0") from the same run at 0.
        return value == 0.0 ? 0.0 : value;
    }

    public static int Int32(JsonElement element, string path, string range)
    {
        decimal value = Integer(element, path, range);
        return value >= int.MinValue && value <= int.MaxValue
            ? (int)value
            : throw new SweepSpecException(path, $"{element.GetRawText()} is out of range: {range}");
    }

    public static long Int64(JsonElement element, string path, string range)
    {
        decimal value = Integer(element, path, range);
        return value >= long.MinValue && value <= long.MaxValue
            ? (long)value
            : throw new SweepSpecException(path, $"{element.GetRawText()} is out of range: {range}");
    }

    public static ulong UInt64(JsonElement element, string path, string range)
    {
        decimal value = Integer(element, path, range);
        return value >= 0 && value <= ulong.MaxValue
            ? (ulong)value
            : throw new SweepSpecException(path, $"{element.GetRawText()} is out of range: {range}");
    }

    /// <summary>A batch size: an integer, or "inf" (also "infinity", "∞", any case, as on the command line).</summary>
    public static long? Batch(JsonElement element, string path, string range) => IntegerOrInfinity(element, path, range, "a batch size");

    /// <summary>A training-set size P: an integer, or "inf" for online training, spelled as for <see cref="Batch"/>.</summary>
    public static long? Samples(JsonElement element, string path, string range) => IntegerOrInfinity(element, path, range, "a training-set size");

    private static long? IntegerOrInfinity(JsonElement element, string path, string range, string what)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            string text = element.GetString()!;
            if (text.Equals("inf", StringComparison.OrdinalIgnoreCase)
                || text.Equals("infinity", StringComparison.OrdinalIgnoreCase)
                || text == "\u221E")
            {
                return null;
            }

            throw new SweepSpecException(path, $"{R.Quote(text)} is not {what}: {range}");
        }

        return Int64(element, path, range);
    }

    /// <summary>
    /// An integer-valued number as a decimal, which holds every long and ulong exactly. "1e6" and
    /// "10.0" are integers (as on the command line); "1.5" is not.
    /// </summary>
    public static decimal Integer(JsonElement element, string path, string range)
    {
        RequireNumber(element, path, range, "an integer");
        if (element.TryGetDecimal(out decimal value))
        {
            return decimal.Truncate(value) == value
                ? value
                : throw new SweepSpecException(path, $"{element.GetRawText()} is not an integer: {range}");
        }

        // Beyond decimal (about 7.9e28): an integer far out of every range, or a fraction too small to matter.
        bool fraction = element.TryGetDouble(out double x) && double.IsFinite(x) && Math.Floor(x) != x;
        throw new SweepSpecException(path, fraction
            ? $"{element.GetRawText()} is not an integer: {range}"
            : $"{element.GetRawText()} is out of range: {range}");
    }

    /// <summary>A value as written, for messages: short JSON text, or its kind when long.</summary>
    public static string Describe(JsonElement element)
    {
        string raw = element.ValueKind == JsonValueKind.String ? R.Quote(element.GetString()!) : element.GetRawText();
        if (raw.Length <= MaxShownJson)
        {
            return raw;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => $"a list of {element.GetArrayLength()} entries",
            _ => raw[..MaxShownJson] + "...",
        };
    }

    /// <summary>"not valid JSON at line L, column C: reason", both counted from 1, column in characters.</summary>
    public static SweepSpecException InvalidJson(string json, JsonException e)
    {
        long line = e.LineNumber ?? 0;
        long bytesInLine = e.BytePositionInLine ?? 0;
        string[] lines = json.Split('\n');
        string lineText = line < lines.Length ? lines[line] : string.Empty;
        byte[] lineBytes = Encoding.UTF8.GetBytes(lineText);
        int column = Encoding.UTF8.GetCharCount(lineBytes, 0, (int)Math.Min(bytesInLine, lineBytes.Length)) + 1;

        // The reader reports some truncations at the last character read rather than past it.
        int offset = lines.Take((int)Math.Min(line, lines.Length)).Sum(l => l.Length + 1) + column - 1;
        bool atEnd = offset >= json.TrimEnd().Length || e.Message.Contains("end of data", StringComparison.Ordinal);
        string reason = atEnd ? "the text ends before the JSON is complete (is it truncated?)." : Reason(e.Message);
        return new SweepSpecException(F.Root, $"not valid JSON at line {line + 1}, column {column}: {reason}");
    }

    private static void RequireNumber(JsonElement element, string path, string range, string expected)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            string text = element.GetString()!;
            string hint = double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed)
                ? double.IsFinite(parsed)
                    ? $" (a string; write it without quotes)"
                    : " (JSON numbers are finite: NaN and Infinity are not allowed)"
                : string.Empty;
            throw new SweepSpecException(path, $"{R.Quote(text)} is not {expected}{hint}: {range}");
        }

        throw new SweepSpecException(path, $"{Describe(element)} is not {expected}: {range}");
    }

    /// <summary>The reader's message without the position it appends, which the caller states itself.</summary>
    private static string Reason(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string reason = (at >= 0 ? message[..at] : message).Trim();
        return reason.Length > 0 && char.IsUpper(reason[0]) && !reason.StartsWith('\'')
            ? char.ToLowerInvariant(reason[0]) + reason[1..]
            : reason;
    }

    /// <summary>An unknown key as a field name, shortened so a pasted document cannot become the field.</summary>
    private static string Key(string key) => key.Length <= 64 ? key : key[..64] + "...";
}

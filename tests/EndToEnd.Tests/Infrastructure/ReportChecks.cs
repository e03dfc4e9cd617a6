using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>Checks of a report folder as `scalesweep run --out` writes it (see docs/report-schema.md).</summary>
public static class ReportChecks
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Checks report.json against the spec; returns the sweep id.</summary>
    public static string CheckReport(string directory, SpecFile spec)
    {
        string path = Path.Combine(directory, "report.json");
        Assert.True(File.Exists(path), $"{path} was not written");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        foreach (string key in new[] { "id", "name", "runs", "groups", "frontiers" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"report.json has no \"{key}\"");
        }

        string id = root.GetProperty("id").GetString()!;
        Assert.StartsWith(spec.Name + "-", id);
        Assert.Equal(spec.Name, root.GetProperty("name").GetString());

        JsonElement runs = root.GetProperty("runs");
        Assert.Equal(spec.Runs, runs.GetProperty("total").GetInt32());
        Assert.Equal(spec.Runs, runs.GetProperty("completed").GetInt32());

        JsonElement groups = root.GetProperty("groups");
        Assert.Equal(spec.GridPoints, groups.GetArrayLength());
        foreach (JsonElement group in groups.EnumerateArray())
        {
            CheckGroup(group, spec);
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("frontiers").ValueKind);
        return id;
    }

    /// <summary>
    /// Checks the plots: at least one loss plot, a frontier plot when the report has frontiers, every
    /// plot as a decodable PNG with its SVG twin.
    /// </summary>
    public static void CheckPlots(string directory)
    {
        string[] pngs = Directory.GetFiles(directory, "*.png");
        Assert.Contains(pngs, p => Path.GetFileName(p).StartsWith("loss", StringComparison.Ordinal));
        using (JsonDocument report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "report.json"))))
        {
            if (report.RootElement.GetProperty("frontiers").GetArrayLength() > 0)
            {
                Assert.Contains(pngs, p => Path.GetFileName(p).StartsWith("frontier", StringComparison.Ordinal));
            }
        }

        foreach (string png in pngs)
        {
            CheckPng(png);
            CheckSvg(Path.ChangeExtension(png, ".svg"));
        }

        Assert.Equal(pngs.Length, Directory.GetFiles(directory, "*.svg").Length);
        Assert.True(File.Exists(Path.Combine(directory, "curves.csv")), "curves.csv was not written");
    }

    private static void CheckGroup(JsonElement group, SpecFile spec)
    {
        foreach (string key in new[] { "config", "steps", "mean", "sem", "seeds", "fit", "theory" })
        {
            Assert.True(group.TryGetProperty(key, out _), $"a group has no \"{key}\": {group}");
        }

        int length = group.GetProperty("steps").GetArrayLength();
        Assert.True(length >= 2, $"a group has {length} recorded steps: {group.GetProperty("config")}");
        Assert.Equal(length, group.GetProperty("mean").GetArrayLength());
        Assert.Equal(length, group.GetProperty("sem").GetArrayLength());
        Assert.All(group.GetProperty("mean").EnumerateArray(), m => Assert.True(double.IsFinite(m.GetDouble()) && m.GetDouble() > 0, $"mean loss {m}"));
        Assert.Equal(spec.Seeds, group.GetProperty("seeds").GetInt32());

        JsonElement fit = group.GetProperty("fit");
        Assert.Equal(JsonValueKind.Object, fit.ValueKind);
        foreach (string key in new[] { "exponent", "ci", "window" })
        {
            Assert.True(fit.TryGetProperty(key, out _), $"a fit has no \"{key}\": {fit}");
        }

        AssertPositiveFinite(fit.GetProperty("exponent"), "fit exponent");
        JsonElement ci = fit.GetProperty("ci");
        Assert.Equal(2, ci.GetArrayLength());
        Assert.True(ci[0].GetDouble() <= ci[1].GetDouble(), $"fit ci {ci}");
        JsonElement window = fit.GetProperty("window");
        Assert.Equal(2, window.GetArrayLength());
        Assert.True(window[0].GetDouble() >= 1 && window[0].GetDouble() < window[1].GetDouble(), $"fit window {window}");

        JsonElement theory = group.GetProperty("theory");
        AssertPositiveFinite(theory.GetProperty("exponent"), "theory exponent");
        Assert.False(string.IsNullOrWhiteSpace(theory.GetProperty("phase").GetString()), "theory phase is empty");
    }

    private static void AssertPositiveFinite(JsonElement value, string what)
    {
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        double x = value.GetDouble();
        Assert.True(double.IsFinite(x) && x > 0, $"{what} is {x}");
    }

    private static void CheckPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1024, $"{path} has only {bytes.Length} bytes");
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(PngSignature), $"{path} does not start with the PNG signature");

        // The first chunk is IHDR (13 bytes: width, height, ...), the last IEND: the file is whole.
        Assert.Equal(13u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8)));
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        uint width = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16));
        uint height = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20));
        Assert.True(width > 0 && height > 0, $"{path} is {width} x {height}");
        Assert.Equal("IEND", Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4));
    }

    private static void CheckSvg(string path)
    {
        Assert.True(File.Exists(path), $"{path} (the SVG twin of the PNG) was not written");
        string head = File.ReadAllText(path).TrimStart('\uFEFF');
        Assert.True(head.StartsWith("<svg", StringComparison.Ordinal) || head.StartsWith("<?xml", StringComparison.Ordinal),
            $"{path} starts with '{head[..Math.Min(40, head.Length)]}'");
        Assert.Contains("</svg>", head);
    }
}

using System.Text;
using System.Text.Json;
using ScaleSweep.Numerics.Models;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// Reads a sweep spec from JSON (see docs/sweep-spec.md). Every key and value is read by hand rather
/// than by reflection binding, so each mistake gets its own message naming the field's JSON path,
/// the value given and the allowed range; the ranges themselves are checked by
/// <see cref="SweepSpecValidator"/>, which the parser ends with.
/// </summary>
public static class SweepSpecParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Parses and validates <paramref name="json"/>; throws <see cref="SweepSpecException"/> on the first problem.
    /// A relative "spectrum" path is taken from <paramref name="baseDirectory"/> (the spec file's folder), or from the
    /// current directory when null.
    /// </summary>
    public static SweepSpec Parse(string json, SweepLimits limits, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        limits.EnsureValid();

        long bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > limits.MaxSpecBytes)
        {
            throw new SweepSpecException(F.Root, $"the spec is {bytes} bytes, above the cap of {limits.MaxSpecBytes} bytes "
                + $"({SweepLimits.SectionName}:{nameof(SweepLimits.MaxSpecBytes)}).");
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SweepSpecException(F.Root, "the spec is empty: expected a JSON object such as {\"name\": \"...\", ...}.");
        }

        using JsonDocument document = ParseDocument(json);
        return Read(document.RootElement, limits, baseDirectory);
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/> as UTF-8 and parses it. A file that is missing,
    /// unreadable, too large or not UTF-8 text is reported with the field "file". A relative "spectrum" path is
    /// taken from the spec file's folder.
    /// </summary>
    public static SweepSpec ParseFile(string path, SweepLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        limits.EnsureValid();
        return Parse(SpecFile.ReadText(path, limits), limits, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw SpecJson.InvalidJson(json, e);
        }
    }

    private static SweepSpec Read(JsonElement root, SweepLimits limits, string? baseDirectory)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SweepSpecException(F.Root, $"the spec is {SpecJson.Describe(root)}, not an object: "
                + $"a spec is a JSON object with the fields {F.AllowedList}.");
        }

        Dictionary<string, JsonElement> fields = SpecJson.Fields(root);
        RequirePresent(fields, [F.Name, F.Model], limits);
        ModelKind model = ReadModel(fields[F.Model]);
        MlpCircleSpecReader.RefuseOtherModelsFields(fields, model);
        bool measured = Optional(fields, F.Spectrum) is not null;
        RequirePresent(fields, model == ModelKind.MlpCircle ? F.MlpRequired : measured ? F.SpectrumRequired : F.Required, limits);
        if (model == ModelKind.MlpCircle)
        {
            return MlpCircleSpecReader.Read(fields, limits);
        }

        var scalarGrids = new List<string>();
        string name = SpecJson.String(fields[F.Name], F.Name, R.Name);
        SpecSpectrum? spectrum = null;
        double[] alpha, beta;
        int m;
        if (measured)
        {
            (spectrum, alpha, beta, m) = SpectrumSpecReader.Read(fields, limits, baseDirectory, scalarGrids);
        }
        else
        {
            alpha = SpecJson.Grid(fields[F.Alpha], F.Alpha, scalarGrids, SpecJson.Double);
            beta = SpecJson.Grid(fields[F.Beta], F.Beta, scalarGrids, SpecJson.Double);
            m = SpecJson.Int32(fields[F.M], F.M, R.M);
        }

        double[] gamma = SpecJson.Grid(fields[F.Gamma], F.Gamma, scalarGrids, SpecJson.Double);
        int[] n = SpecJson.Grid(fields[F.N], F.N, scalarGrids, SpecJson.Int32);
        long?[]? p = Optional(fields, F.P) is { } pElement ? SpecJson.Grid(pElement, F.P, scalarGrids, SpecJson.Samples) : null;
        long?[] b = SpecJson.Grid(fields[F.B], F.B, scalarGrids, SpecJson.Batch);
        double[] eta = Optional(fields, F.Eta) is { } etaElement
            ? SpecJson.Grid(etaElement, F.Eta, scalarGrids, SpecJson.Double)
            : [SimulationConfig.DefaultEta];
        long steps = SpecJson.Int64(fields[F.Steps], F.Steps, R.Steps(limits));
        ulong[] seeds = ReadSeeds(fields[F.Seeds], limits, scalarGrids);
        int pointsPerDecade = Optional(fields, F.PointsPerDecade) is { } ppd
            ? SpecJson.Int32(ppd, F.PointsPerDecade, R.PointsPerDecade)
            : SimulationConfig.DefaultPointsPerDecade;
        FitWindow? fitWindow = Optional(fields, F.FitWindow) is { } window ? ReadFitWindow(window, steps) : null;
        double? checkpointSeconds = Optional(fields, F.CheckpointSeconds) is { } seconds
            ? SpecJson.Double(seconds, F.CheckpointSeconds, R.CheckpointSeconds)
            : null;
        TheorySpec? theory = Optional(fields, F.Theory) is { } theoryElement ? TheorySpecReader.Read(theoryElement, limits) : null;

        var spec = new SweepSpec(
            name, model, alpha, beta, gamma, n, b, eta, m, steps, seeds, pointsPerDecade, fitWindow, checkpointSeconds, theory, p)
        {
            Spectrum = spectrum,
        };
        SweepSpecValidator.Validate(spec, limits, new SpecPaths(scalarGrids));
        return spec;
    }

    private static void RequirePresent(Dictionary<string, JsonElement> fields, string[] required, SweepLimits limits)
    {
        foreach (string field in required)
        {
            if (!fields.ContainsKey(field))
            {
                throw new SweepSpecException(field, $"required field missing; {RangeOf(field, limits)}");
            }
        }
    }

    /// <summary>An optional field; JSON null counts as absent, so a generated spec may write every key.</summary>
    internal static JsonElement? Optional(Dictionary<string, JsonElement> fields, string field) =>
        fields.TryGetValue(field, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static ModelKind ReadModel(JsonElement element)
    {
        string text = SpecJson.String(element, F.Model, R.Model);
        return ModelKindNames.ByName.TryGetValue(text, out ModelKind model)
            ? model
            : throw new SweepSpecException(F.Model, $"{R.Quote(text)} is not a model: {R.Model}");
    }

    /// <summary>A count k means seeds 0..k-1; it is capped here, before the list is allocated.</summary>
    internal static ulong[] ReadSeeds(JsonElement element, SweepLimits limits, List<string> scalarGrids)
    {
        string range = R.Seeds(limits);
        if (element.ValueKind == JsonValueKind.Number)
        {
            decimal count = SpecJson.Integer(element, F.Seeds, range);
            if (count < 1 || count > limits.MaxRunsPerSweep)
            {
                throw new SweepSpecException(F.Seeds, $"{element.GetRawText()} is out of range: {range}");
            }

            scalarGrids.Add(F.Seeds);
            var seeds = new ulong[(int)count];
            for (int i = 0; i < seeds.Length; i++)
            {
                seeds[i] = (ulong)i;
            }

            return seeds;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new SweepSpecException(F.Seeds, $"{SpecJson.Describe(element)} is not a count or a list of seeds: {range}");
        }

        return SpecJson.Grid(element, F.Seeds, scalarGrids, (entry, path, _) => SpecJson.UInt64(entry, path, R.Seed), range);
    }

    internal static FitWindow ReadFitWindow(JsonElement element, long steps)
    {
        string range = R.FitWindow(steps);
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2)
        {
            throw new SweepSpecException(F.FitWindow, $"{SpecJson.Describe(element)} is not a window: {range}");
        }

        long t0 = SpecJson.Int64(element[0], $"{F.FitWindow}[0]", range);
        long t1 = SpecJson.Int64(element[1], $"{F.FitWindow}[1]", range);
        return new FitWindow(t0, t1);
    }

    private static string RangeOf(string field, SweepLimits limits) => field switch
    {
        F.Name => R.Name,
        F.Model => R.Model,
        F.M => R.M,
        F.Steps => R.Steps(limits),
        F.Seeds => R.Seeds(limits),
        _ => $"give a list (or one number), where {R.OfGrid(field)}",
    };
}

using System.Text.Json;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// Reads the spec of model mlp-circle: "q" and "qPhi" (grid axes in place of alpha and beta, which eq. 14 derives from
/// them), "gamma0" (its richness, in place of gamma), "depth" and "K" (scalars), beside the fields every model has.
/// </summary>
internal static class MlpCircleSpecReader
{
    /// <summary>
    /// Refuses a field of the other kind of model, naming it and what to write instead: the power-law task's fields
    /// for mlp-circle, the MLP's for the others. So one concept has one field: alpha is never both given and derived.
    /// </summary>
    public static void RefuseOtherModelsFields(Dictionary<string, JsonElement> fields, ModelKind model)
    {
        bool mlp = model == ModelKind.MlpCircle;
        foreach (string field in mlp ? F.NotMlp : F.MlpOnly)
        {
            if (!fields.ContainsKey(field))
            {
                continue;
            }

            string modelName = R.Quote(ModelKindNames.Name(model));
            throw new SweepSpecException(field, mlp
                ? $"not a field of model {modelName}: " + field switch
                {
                    F.Alpha => $"eq. 14 derives alpha = 2 qPhi; give qPhi instead. {R.QPhi}",
                    F.Beta => $"eq. 14 derives beta = (2q - 1)/(2 qPhi); give q instead. {R.Q}",
                    F.Gamma => $"its richness is gamma0; {R.Gamma0}",
                    F.Spectrum => "its task is the circle's (eq. 13), set by q, qPhi and K; scalesweep spectrum circle writes that task's spectrum for the projected model.",
                    _ => $"its M is K, the target's harmonics; {R.K}",
                }
                : $"only for model \"mlp-circle\" (the MLP on the circle, eq. 13-14), not {modelName}; {RangeOf(field)}");
        }
    }

    /// <summary>The spec of an mlp-circle sweep, its fields present (checked by the caller), validated.</summary>
    public static SweepSpec Read(Dictionary<string, JsonElement> fields, SweepLimits limits)
    {
        var scalarGrids = new List<string>();
        string name = SpecJson.String(fields[F.Name], F.Name, R.Name);
        double[] q = SpecJson.Grid(fields[F.Q], F.Q, scalarGrids, SpecJson.Double);
        double[] qPhi = SpecJson.Grid(fields[F.QPhi], F.QPhi, scalarGrids, SpecJson.Double);
        double[] gamma0 = SpecJson.Grid(fields[F.Gamma0], F.Gamma0, scalarGrids, SpecJson.Double);
        int depth = SweepSpecParser.Optional(fields, F.Depth) is { } d ? SpecJson.Int32(d, F.Depth, R.Depth) : MlpCircleSettings.DefaultDepth;
        int? harmonics = SweepSpecParser.Optional(fields, F.K) is { } k ? SpecJson.Int32(k, F.K, R.K) : null;
        int[] n = SpecJson.Grid(fields[F.N], F.N, scalarGrids, SpecJson.Int32);
        long?[]? p = SweepSpecParser.Optional(fields, F.P) is { } pElement ? SpecJson.Grid(pElement, F.P, scalarGrids, SpecJson.Samples) : null;
        long?[] b = SpecJson.Grid(fields[F.B], F.B, scalarGrids, SpecJson.Batch, R.BMlp);
        double[] eta = SweepSpecParser.Optional(fields, F.Eta) is { } etaElement
            ? SpecJson.Grid(etaElement, F.Eta, scalarGrids, SpecJson.Double)
            : [SimulationConfig.DefaultEta];
        long steps = SpecJson.Int64(fields[F.Steps], F.Steps, R.Steps(limits));
        ulong[] seeds = SweepSpecParser.ReadSeeds(fields[F.Seeds], limits, scalarGrids);
        int pointsPerDecade = SweepSpecParser.Optional(fields, F.PointsPerDecade) is { } ppd
            ? SpecJson.Int32(ppd, F.PointsPerDecade, R.PointsPerDecade)
            : SimulationConfig.DefaultPointsPerDecade;
        FitWindow? fitWindow = SweepSpecParser.Optional(fields, F.FitWindow) is { } window ? SweepSpecParser.ReadFitWindow(window, steps) : null;
        double? checkpointSeconds = SweepSpecParser.Optional(fields, F.CheckpointSeconds) is { } seconds
            ? SpecJson.Double(seconds, F.CheckpointSeconds, R.CheckpointSeconds)
            : null;
        TheorySpec? theory = SweepSpecParser.Optional(fields, F.Theory) is { } theoryElement ? TheorySpecReader.Read(theoryElement, limits) : null;

        // Alpha and beta stay empty and M 0: the task axes are (qPhi, q), and each task's alpha, beta and M are eq. 14's.
        var spec = new SweepSpec(
            name, ModelKind.MlpCircle, [], [], gamma0, n, b, eta, 0, steps, seeds, pointsPerDecade, fitWindow, checkpointSeconds, theory, p,
            new MlpCircleAxes(q, qPhi, depth, harmonics));
        SweepSpecValidator.Validate(spec, limits, new SpecPaths(scalarGrids));
        return spec;
    }

    private static string RangeOf(string field) => field switch
    {
        F.Depth => R.Depth,
        F.K => R.K,
        _ => R.OfGrid(field),
    };
}

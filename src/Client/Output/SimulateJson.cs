using System.Text.Json.Serialization;
using ScaleSweep.Client.Commands;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Simulation;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Client.Output;

/// <summary>The one JSON object `scalesweep simulate --json` prints.</summary>
internal sealed record SimulateJson(
    SimulateJson.ConfigJson Config,
    IReadOnlyList<long> Steps,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Sem,
    int Used,
    int Diverged,
    IReadOnlyList<SimulateJson.DivergedSeedJson> DivergedSeeds,
    SimulateJson.FitJson? Fit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? WeightNormPerWidth,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyList<double>>? PerSeed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SimulateJson.TrainJson? Train)
{
    /// <summary>On a finite training set, the train loss |Psi v0|^2 / P over the same seeds at the same steps.</summary>
    internal sealed record TrainJson(IReadOnlyList<double> Mean, IReadOnlyList<double> Sem);

    /// <summary>
    /// Every parameter of the run. Batch is the integer B or the string "inf". The MLP on the circle adds q, qPhi,
    /// depth and k (its harmonics K, also its m); alpha and beta are then eq. 14's. Other models leave them out.
    /// </summary>
    internal sealed record ConfigJson(
        ModelKind Model,
        double Alpha,
        double Beta,
        double Gamma,
        int N,
        object Batch,
        object P,
        double Eta,
        int M,
        long Steps,
        int Seeds,
        ulong Seed0,
        Sampler Sampler,
        int PointsPerDecade,
        long[]? FitWindow,
        SpectrumJson? Spectrum,
        int NumericsVersion,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Q = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? QPhi = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Depth = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? K = null);

    /// <summary>The custom spectrum file, when one replaced the power-law task.</summary>
    internal sealed record SpectrumJson(string Path, int Modes, string Fingerprint);

    internal sealed record DivergedSeedJson(ulong Seed, long? Step);

    /// <summary>L ~ t^-exponent over window; ci is null with fewer than two usable seeds.</summary>
    internal sealed record FitJson(double Exponent, double[]? Ci, long[] Window, int Points, double Intercept);

    public static SimulateJson From(SimulateRequest request, SimulationConfig config, SimulationSummary summary)
    {
        var configJson = new ConfigJson(
            config.Model,
            config.Alpha,
            config.Beta,
            config.Gamma,
            config.N,
            config.Batch is { } b ? b : BatchSize.Infinite,
            config.P is { } p ? p : BatchSize.Infinite,
            config.Eta,
            config.M,
            config.Steps,
            request.Seeds,
            request.Seed0,
            config.Sampler,
            config.PointsPerDecade,
            request.FitWindow is { } w ? [w.T0, w.T1] : null,
            config.CustomSpectrum is { } s && request.SpectrumPath is { } path ? new SpectrumJson(path, s.M, s.Fingerprint) : null,
            SimulationConfig.NumericsVersion,
            config.Mlp?.Q,
            config.Mlp?.QPhi,
            config.Mlp?.Depth,
            config.Mlp?.Harmonics);

        FitJson? fit = summary.Fit is { } f
            ? new FitJson(
                f.Exponent,
                double.IsFinite(f.Ci.Lo) && double.IsFinite(f.Ci.Hi) ? [f.Ci.Lo, f.Ci.Hi] : null,
                [f.Window.T0, f.Window.T1],
                f.Points,
                f.Intercept)
            : null;

        return new SimulateJson(
            configJson,
            summary.Aggregate.Steps,
            summary.Aggregate.Mean,
            summary.Aggregate.Sem,
            summary.Aggregate.Used,
            summary.Aggregate.Diverged,
            summary.DivergedRuns.Select(r => new DivergedSeedJson(r.Seed, r.DivergedAtStep)).ToArray(),
            fit,
            summary.WeightNormMean,
            request.PerSeed ? summary.Runs.Select(r => (IReadOnlyList<double>)r.Curve.Loss).ToArray() : null,
            summary.Train is { } train ? new TrainJson(train.Mean, train.Sem) : null);
    }
}

using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Client.Output;

/// <summary>
/// The one JSON object `scalesweep theory --curve --json` prints: the DMFT loss curve at the recorded
/// steps (the simulations' log grid), the model settings (N and B are numbers or "inf") and what the
/// solver did: modes used, time grid, iterations and residual. With a finite P (eq. 41) the train loss too.
/// </summary>
internal sealed record TheoryCurveJson(
    IReadOnlyList<long> Steps,
    IReadOnlyList<double> Loss,
    IReadOnlyList<double> WeightNormPerWidth,
    TheoryCurveJson.SettingsJson Settings,
    TheoryCurveJson.SolverJson Solver,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? Train)
{
    /// <summary>The model; alpha and beta are null for a measured spectrum, which <see cref="Spectrum"/> then names.</summary>
    internal sealed record SettingsJson(
        double? Alpha,
        double? Beta,
        int M,
        double Gamma,
        object N,
        object B,
        object P,
        double Eta,
        long LastStep,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] SimulateJson.SpectrumJson? Spectrum);

    internal sealed record SolverJson(
        string Equations, int ModesUsed, bool ModesExact, string TimeGrid, long TimePoints, int PointsPerDecade, int Iterations, double Residual, double Seconds);

    public static TheoryCurveJson From(DmftSettings settings, DmftCurve curve, int pointsPerDecade, double seconds, string? spectrumPath = null) => new(
        curve.Steps,
        curve.Loss,
        curve.WeightNormPerWidth,
        new SettingsJson(
            settings.Spectrum is null ? settings.Alpha : null,
            settings.Spectrum is null ? settings.Beta : null,
            settings.M,
            settings.Gamma,
            Size(settings.N),
            Size(settings.Batch),
            Size(settings.P),
            settings.Eta,
            settings.Steps,
            settings.Spectrum is { } s ? new SimulateJson.SpectrumJson(spectrumPath ?? s.Description, s.M, s.Fingerprint) : null),
        new SolverJson(curve.Solver, curve.ModesUsed, curve.ModesExact, curve.TimeGrid, curve.TimePoints, pointsPerDecade, curve.Iterations, curve.Residual, seconds),
        curve.TrainLoss.Length > 0 ? curve.TrainLoss : null);

    private static object Size(double value) => double.IsPositiveInfinity(value) ? "inf" : (long)value;
}

using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Reports;

/// <summary>One loss-against-step plot: the groups drawn in it, one line each, and how it is named.</summary>
/// <param name="BaseName">File name without extension.</param>
/// <param name="Title">Plot title: the model and every parameter shared by the lines.</param>
/// <param name="Series">The parameter that tells the lines apart.</param>
/// <param name="Groups">The groups drawn, in report order.</param>
/// <param name="TheoryCurves">The report's DMFT curves by key (a group names its own in <see cref="GroupReport.TheoryCurve"/>); null or empty without "theory".</param>
internal sealed record LossPanel(
    string BaseName,
    string Title,
    PlotParameter<GroupConfig> Series,
    IReadOnlyList<GroupReport> Groups,
    IReadOnlyDictionary<string, DmftCurveReport>? TheoryCurves = null)
{
    /// <summary>The completed DMFT curve drawn beside <paramref name="group"/>, or null.</summary>
    public DmftCurveReport? TheoryOf(GroupReport group) =>
        group.TheoryCurve is { } key && TheoryCurves is not null && TheoryCurves.TryGetValue(key, out DmftCurveReport? curve)
        && curve.Status == "completed" && curve.Steps.Length > 0
            ? curve
            : null;

    /// <summary>True when the report has DMFT curves: the slope guide is then dotted, so the dashed line means the DMFT.</summary>
    public bool HasTheoryCurves => TheoryCurves is { Count: > 0 };
}

using ScaleSweep.Grains.Abstractions.Reports;

namespace ScaleSweep.Client.Reports;

/// <summary>One loss-against-step plot: the groups drawn in it, one line each, and how it is named.</summary>
/// <param name="BaseName">File name without extension.</param>
/// <param name="Title">Plot title: the model and every parameter shared by the lines.</param>
/// <param name="Series">The parameter that tells the lines apart.</param>
/// <param name="Groups">The groups drawn, in report order.</param>
internal sealed record LossPanel(string BaseName, string Title, PlotParameter<GroupConfig> Series, IReadOnlyList<GroupReport> Groups);

using System.Globalization;
using ScaleSweep.Client.Options;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Reports;

/// <summary>A parameter by which plots are split into files or lines: its name and how to print a configuration's value.</summary>
/// <typeparam name="T">The configuration type: <see cref="GroupConfig"/> or <see cref="FrontierConfig"/>.</typeparam>
internal sealed record PlotParameter<T>(string Name, Func<T, string> Value)
{
    /// <summary>"name=value" for titles and legends.</summary>
    public string Label(T config) => $"{Name}={Value(config)}";

    /// <summary>True when the configurations hold more than one value of this parameter.</summary>
    public bool Varies(IEnumerable<T> configs) => configs.Select(Value).Distinct(StringComparer.Ordinal).Skip(1).Any();

    /// <summary>The grid parameters of a group, in spec order (M and steps are fixed per sweep).</summary>
    public static IReadOnlyList<PlotParameter<GroupConfig>> OfGroups { get; } =
    [
        new("alpha", c => Number(c.Alpha)),
        new("beta", c => Number(c.Beta)),
        new("gamma", c => Number(c.Gamma)),
        new("N", c => c.N.ToString(CultureInfo.InvariantCulture)),
        new("P", c => BatchSize.Format(c.P)),
        new("B", c => BatchSize.Format(c.B)),
        new("eta", c => Number(c.Eta)),
    ];

    /// <summary>
    /// The grid parameters of the MLP on the circle's groups, in its spec's order: its task axes qPhi and q (which
    /// eq. 14 turns into the alpha and beta of <see cref="OfGroups"/>), its richness gamma0, then N, P, B, eta.
    /// </summary>
    public static IReadOnlyList<PlotParameter<GroupConfig>> OfMlpGroups { get; } =
    [
        new("qPhi", c => Number(c.QPhi ?? double.NaN)),
        new("q", c => Number(c.Q ?? double.NaN)),
        new("gamma0", c => Number(c.Gamma)),
        new("N", c => c.N.ToString(CultureInfo.InvariantCulture)),
        new("P", c => BatchSize.Format(c.P)),
        new("B", c => BatchSize.Format(c.B)),
        new("eta", c => Number(c.Eta)),
    ];

    /// <summary>The group parameters for these groups: the MLP's own names when they are MLP groups, else <see cref="OfGroups"/>.</summary>
    public static IReadOnlyList<PlotParameter<GroupConfig>> ForGroups(IEnumerable<GroupConfig> configs) =>
        configs.Any(c => c.Mlp is not null) ? OfMlpGroups : OfGroups;

    /// <summary>The parameters of a frontier, in spec order.</summary>
    public static IReadOnlyList<PlotParameter<FrontierConfig>> OfFrontiers { get; } =
    [
        new("alpha", c => Number(c.Alpha)),
        new("beta", c => Number(c.Beta)),
        new("gamma", c => Number(c.Gamma)),
        new("P", c => BatchSize.Format(c.P)),
        new("B", c => BatchSize.Format(c.B)),
        new("eta", c => Number(c.Eta)),
    ];

    /// <summary>
    /// <paramref name="parameters"/> without P when every configuration is online: a report without finite data
    /// keeps the titles and file names it had before P existed.
    /// </summary>
    public static PlotParameter<T>[] Shown(IEnumerable<PlotParameter<T>> parameters, IReadOnlyCollection<T> configs) =>
        parameters.Where(p => p.Name != "P" || configs.Any(c => p.Value(c) != BatchSize.Infinite)).ToArray();

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScottPlot;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// The report's figures, rendered in memory as PNG and SVG (ScottPlot 5, headless):
/// loss against step, one line per gamma (or per N, or per the first other parameter that varies), one
/// file per combination of the remaining parameters; and one compute-optimal frontier per frontier.
/// </summary>
internal static class ReportPlots
{
    /// <summary>Image width in pixels (SVG units).</summary>
    public const int Width = 1000;

    /// <summary>Image height in pixels (SVG units).</summary>
    public const int Height = 700;

    public static IReadOnlyList<RenderedPlot> Render(SweepReport report)
    {
        var rendered = new List<RenderedPlot>();
        foreach (LossPanel panel in LossPanels(report))
        {
            using Plot? plot = LossPlot.Create(panel);
            if (plot is not null)
            {
                rendered.Add(Render(panel.BaseName, "loss", plot));
            }
        }

        FrontierConfig[] configs = report.Frontiers.Select(f => f.Config).ToArray();
        PlotParameter<FrontierConfig>[] parameters = PlotParameter<FrontierConfig>.Shown(PlotParameter<FrontierConfig>.OfFrontiers, configs);
        PlotParameter<FrontierConfig>[] varying = parameters.Where(p => p.Varies(configs)).ToArray();
        foreach (FrontierReport frontier in report.Frontiers)
        {
            FrontierConfig c = frontier.Config;
            GroupReport[] widths = report.Groups.Where(g => Matches(g.Config, c)).ToArray();
            string title = $"compute-optimal frontier, {report.Model}: "
                + string.Join(" ", parameters.Select(p => p.Label(c)));
            using Plot? plot = FrontierPlot.Create(frontier, widths, title);
            if (plot is not null)
            {
                string name = PlotNames.Compose("frontier", varying.Select(p => (p.Name, p.Value(c))));
                rendered.Add(Render(name, "frontier", plot));
            }
        }

        rendered.AddRange(DataScalingPlot.RenderAll(report, Render));
        return rendered;
    }

    /// <summary>
    /// The parameter the lines of a loss plot differ in: P if it varies (training-set size, Appendix D), else
    /// gamma (the paper's Fig. 2; gamma0 for the MLP), else N, B, eta, beta (q), alpha (qPhi), the first that varies;
    /// gamma when nothing varies (a single line).
    /// </summary>
    public static PlotParameter<GroupConfig> SeriesParameter(IReadOnlyList<GroupReport> groups)
    {
        GroupConfig[] configs = groups.Select(g => g.Config).ToArray();
        IReadOnlyList<PlotParameter<GroupConfig>> all = PlotParameter<GroupConfig>.ForGroups(configs);
        string[] preference = ["P", "gamma", "gamma0", "N", "B", "eta", "beta", "q", "alpha", "qPhi"];
        foreach (string name in preference)
        {
            if (all.SingleOrDefault(p => p.Name == name) is { } parameter && parameter.Varies(configs))
            {
                return parameter;
            }
        }

        return all.Single(p => p.Name is "gamma" or "gamma0");
    }

    /// <summary>One panel per combination of the parameters other than the series one, in report order.</summary>
    public static IReadOnlyList<LossPanel> LossPanels(SweepReport report)
    {
        PlotParameter<GroupConfig> series = SeriesParameter(report.Groups);
        GroupConfig[] configs = report.Groups.Select(g => g.Config).ToArray();
        PlotParameter<GroupConfig>[] shown = PlotParameter<GroupConfig>.Shown(PlotParameter<GroupConfig>.ForGroups(configs).Where(p => p != series), configs);
        // A parameter that varies only with the series one (B = P for every P, the full-batch "inf" of finite
        // data) splits nothing: its lines share a panel, and the title says how it follows the series.
        PlotParameter<GroupConfig>[] tied = shown.Where(p => p.Varies(configs) && FollowsSeries(p, series, configs)).ToArray();
        PlotParameter<GroupConfig>[] others = shown.Except(tied).ToArray();
        PlotParameter<GroupConfig>[] varying = others.Where(p => p.Varies(configs)).ToArray();

        var order = new List<string>();
        var members = new Dictionary<string, List<GroupReport>>(StringComparer.Ordinal);
        foreach (GroupReport group in report.Groups)
        {
            string key = string.Join("|", others.Select(p => p.Value(group.Config)));
            if (!members.TryGetValue(key, out List<GroupReport>? list))
            {
                list = [];
                members[key] = list;
                order.Add(key);
            }

            list.Add(group);
        }

        Dictionary<string, DmftCurveReport> theory = report.TheoryCurves.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var panels = new List<LossPanel>(order.Count);
        foreach (string key in order)
        {
            List<GroupReport> groups = members[key];
            GroupConfig c = groups[0].Config;
            string name = PlotNames.Compose("loss", varying.Select(p => (p.Name, p.Value(c))));
            IEnumerable<string> labels = others.Select(p => p.Label(c)).Concat(tied.Select(p => TiedLabel(p, series, groups)));
            // The MLP's M is its harmonics K; its depth is fixed per sweep but belongs in the title.
            string size = c.Mlp is { } mlp ? $"depth={mlp.Depth} K={c.M}" : $"M={c.M}";
            if (report.Task is not null)
            {
                // A measured task's alpha and beta are labels with all their digits (report.json has them): the title names the task instead.
                labels = labels.Where(l => !l.StartsWith("alpha=", StringComparison.Ordinal) && !l.StartsWith("beta=", StringComparison.Ordinal));
                size = $"measured task (spectrum file), M={c.M}";
            }

            string title = $"loss, {report.Model}: {string.Join(" ", labels)} {size}; "
                + $"one line per {series.Name}, seed mean +- SEM";
            panels.Add(new LossPanel(name, title, series, groups, theory));
        }

        return panels;
    }

    /// <summary>True when every value of <paramref name="series"/> comes with a single value of <paramref name="parameter"/>.</summary>
    private static bool FollowsSeries(PlotParameter<GroupConfig> parameter, PlotParameter<GroupConfig> series, IEnumerable<GroupConfig> configs) =>
        configs.GroupBy(series.Value, StringComparer.Ordinal).All(g => !parameter.Varies(g));

    /// <summary>"B=P" when the tied parameter equals the series one in every line, else "B by P".</summary>
    private static string TiedLabel(PlotParameter<GroupConfig> parameter, PlotParameter<GroupConfig> series, IEnumerable<GroupReport> groups) =>
        groups.All(g => parameter.Value(g.Config) == series.Value(g.Config)) ? $"{parameter.Name}={series.Name}" : $"{parameter.Name} by {series.Name}";

    private static bool Matches(GroupConfig g, FrontierConfig f) =>
        g.Alpha.Equals(f.Alpha) && g.Beta.Equals(f.Beta) && g.Gamma.Equals(f.Gamma) && g.P == f.P && g.B == f.B && g.Eta.Equals(f.Eta);

    internal static RenderedPlot Render(string name, string kind, Plot plot) =>
        new(name, kind, plot.GetImageBytes(Width, Height, ImageFormat.Png), plot.GetSvgXml(Width, Height));
}

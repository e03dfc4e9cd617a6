using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Client.Reproduce;

/// <summary>
/// One of the paper's figures as ScaleSweep draws it: the sweeps behind it (a quick size for 2 cores and the
/// paper's size) and how their reports become the figure, its data and its caption.
/// </summary>
internal abstract class PaperFigure
{
    /// <summary>The name on the command line and in file names, e.g. "fig2".</summary>
    public abstract string Name { get; }

    /// <summary>One line: what the figure shows.</summary>
    public abstract string Summary { get; }

    /// <summary>The sweep specs, as JSON in the spec format users write (docs/sweep-spec.md), at the quick or full size.</summary>
    public abstract IReadOnlyList<string> SpecJson(bool quick);

    /// <summary>The parsed and validated specs of <see cref="SpecJson"/>.</summary>
    public IReadOnlyList<SweepSpec> Specs(bool quick, SweepLimits limits) =>
        SpecJson(quick).Select(json => SweepSpecParser.Parse(json, limits)).ToArray();

    /// <summary>Draws the figure from its sweeps' reports, in the order of <see cref="SpecJson"/>.</summary>
    public abstract FigureResult Render(IReadOnlyList<SweepReport> reports, bool quick);
}

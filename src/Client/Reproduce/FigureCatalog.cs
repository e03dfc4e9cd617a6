namespace ScaleSweep.Client.Reproduce;

/// <summary>The figures `scalesweep reproduce` draws, in the paper's order.</summary>
internal static class FigureCatalog
{
    public static IReadOnlyList<PaperFigure> All { get; } =
    [
        new Fig1PhaseDiagram(),
        new Fig2LossCurves(),
        new Fig3BatchNoise(),
        new Fig4ComputeOptimal(),
        new Fig5MlpCircle(),
        new Fig7MlpCircle(),
        new Fig10Levels(),
        new Fig11LinearNetwork(),
        new FloorFigure(),
    ];

    /// <summary>The names, for help texts and messages: "fig1, fig2, ...".</summary>
    public static string Names => string.Join(", ", All.Select(f => f.Name));

    /// <summary>The figures named (all of them when none is), in the paper's order, each once.</summary>
    /// <exception cref="UsageException">A name that is not a figure.</exception>
    public static IReadOnlyList<PaperFigure> Select(IReadOnlyCollection<string> names)
    {
        foreach (string name in names)
        {
            if (!All.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new UsageException($"FIGURE: '{name}' is not a figure: the figures are {Names} (none: all of them)");
            }
        }

        return names.Count == 0
            ? All
            : All.Where(f => names.Any(n => string.Equals(f.Name, n, StringComparison.OrdinalIgnoreCase))).ToArray();
    }
}

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// How the validator names a grid entry: "alpha[1]" for an entry of a list, "alpha" for a grid the
/// spec wrote as a single number, so a message points at what the user actually typed.
/// </summary>
internal sealed class SpecPaths
{
    private readonly HashSet<string> _scalarGrids;

    public SpecPaths(IEnumerable<string> scalarGrids)
    {
        _scalarGrids = new HashSet<string>(scalarGrids, StringComparer.Ordinal);
    }

    /// <summary>Every grid named as a list: what a spec object built in code gets.</summary>
    public static SpecPaths Indexed { get; } = new([]);

    public string Entry(string grid, int index) =>
        _scalarGrids.Contains(grid) ? grid : $"{grid}[{index}]";
}

namespace ScaleSweep.Sweeps.Reports;

/// <summary>What a finished sweep reports: per-group curves and fits, frontiers, and the runs that went wrong.</summary>
/// <param name="Id">The sweep id.</param>
/// <param name="Name">The spec's name.</param>
/// <param name="Model">"projected", "linear-network" or "mlp-circle".</param>
/// <param name="Runs">Run counts by status.</param>
/// <param name="Groups">One entry per configuration (every parameter but the seed).</param>
/// <param name="Frontiers">One entry per (alpha, beta, gamma, B, eta) with at least two widths.</param>
/// <param name="Issues">Diverged and failed runs.</param>
[GenerateSerializer, Immutable]
public sealed record SweepReport(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Model,
    [property: Id(3)] RunCounts Runs,
    [property: Id(4)] GroupReport[] Groups,
    [property: Id(5)] FrontierReport[] Frontiers,
    [property: Id(6)] RunIssue[] Issues)
{
    /// <summary>The DMFT theory curves the spec asked for ("theory"), in grid order of first use; empty without.</summary>
    [Id(7)]
    public DmftCurveReport[] TheoryCurves { get; init; } = [];

    /// <summary>The data-scaling lines of a spec with two or more finite P (<see cref="Grid.SweepGrid.DataScaling"/>); empty without.</summary>
    [Id(8)]
    public DataScalingReport[] DataScaling { get; init; } = [];

    /// <summary>The exact model-size floor along each frontier's widths, with its exponent (<see cref="FloorScalingReport"/>); empty without frontiers.</summary>
    [Id(9)]
    public FloorScalingReport[] Floors { get; init; } = [];

    /// <summary>Why the groups have no <see cref="GroupReport.Floor"/> (linear network, or too costly), or null.</summary>
    [Id(10)]
    public string? FloorsSkipped { get; init; }

    /// <summary>The measured task of a sweep on a spectrum file (<see cref="Specs.SpecSpectrum.Describe"/>); null (and absent from report.json) for the others.</summary>
    [Id(11)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Task { get; init; }
}

using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>The seed curves of one group, in seed order, and how many seeds had none.</summary>
/// <param name="Config">The group's parameters.</param>
/// <param name="Curves">One curve per completed or diverged seed; diverged ones are flagged.</param>
/// <param name="Missing">Seeds without a curve (failed, cancelled, not finished).</param>
internal sealed record GroupSeeds(GroupConfig Config, IReadOnlyList<SeedCurve> Curves, int Missing);

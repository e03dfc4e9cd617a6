using ScaleSweep.Grains.Abstractions.Reports;
using ScaleSweep.Grains.Abstractions.Runs;
using ScaleSweep.Grains.Abstractions.Specs;

namespace ScaleSweep.Grains.Reports;

/// <summary>STUB until the report branch lands.</summary>
public static class SweepReportBuilder
{
    public static SweepReport Build(string sweepId, SweepSpec spec, IReadOnlyList<RunResult> results) =>
        new(sweepId, spec.Name, spec.Model.ToString(), new RunCounts(results.Count, 0, 0, results.Count, 0, 0, 0), [], [], []);
}

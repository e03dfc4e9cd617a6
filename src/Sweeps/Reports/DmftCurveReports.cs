using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>The report's list of DMFT theory curves: one per distinct request of the spec, in plan order.</summary>
internal static class DmftCurveReports
{
    public static DmftCurveReport[] Build(SweepSpec spec, IReadOnlyList<DmftCurveResult> results)
    {
        var byKey = new Dictionary<string, DmftCurveResult>(StringComparer.Ordinal);
        foreach (DmftCurveResult result in results)
        {
            ArgumentNullException.ThrowIfNull(result, nameof(results));
            if (!byKey.TryAdd(result.Request.Key(), result))
            {
                throw new ArgumentException($"Theory results hold {result.Request.CanonicalText()} twice; give one result per curve.", nameof(results));
            }
        }

        IReadOnlyList<DmftCurveRequest> requests = DmftCurvePlan.Requests(spec);
        var curves = new DmftCurveReport[requests.Count];
        for (int i = 0; i < requests.Count; i++)
        {
            DmftCurveRequest request = requests[i];
            string key = request.Key();
            byKey.Remove(key, out DmftCurveResult? result);
            curves[i] = Of(key, request, result);
        }

        if (byKey.Count > 0)
        {
            throw new ArgumentException($"Theory result {byKey.Values.First().Request.CanonicalText()} is not a curve of the sweep's spec.", nameof(results));
        }

        return curves;
    }

    private static DmftCurveReport Of(string key, DmftCurveRequest r, DmftCurveResult? result)
    {
        var config = new DmftCurveConfig(r.Alpha, r.Beta, r.Gamma, r.N, r.B, r.Eta, r.M, r.Steps, r.PointsPerDecade, r.Modes, r.P);
        return result switch
        {
            { Status: DmftCurveStatus.Completed, Curve: { } c } solved => new DmftCurveReport(
                key, config, "completed", c.Solver, c.Steps, c.Loss, c.ModesUsed, c.ModesExact, c.Iterations, c.Residual, solved.Seconds, null, c.TrainLoss.Length > 0 ? c.TrainLoss : null),
            { Status: DmftCurveStatus.Failed } => new DmftCurveReport(
                key, config, "failed", null, [], [], null, null, null, null, null, result.Error),
            _ => new DmftCurveReport(key, config, "missing", null, [], [], null, null, null, null, null, null),
        };
    }
}

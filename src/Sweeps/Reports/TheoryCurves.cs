using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Theory;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>The report's list of DMFT theory curves: one per distinct request of the spec, in plan order.</summary>
internal static class TheoryCurves
{
    public static TheoryCurveReport[] Build(SweepSpec spec, IReadOnlyList<TheoryResult> results)
    {
        var byKey = new Dictionary<string, TheoryResult>(StringComparer.Ordinal);
        foreach (TheoryResult result in results)
        {
            ArgumentNullException.ThrowIfNull(result, nameof(results));
            if (!byKey.TryAdd(result.Request.Key(), result))
            {
                throw new ArgumentException($"Theory results hold {result.Request.CanonicalText()} twice; give one result per curve.", nameof(results));
            }
        }

        IReadOnlyList<TheoryRequest> requests = TheoryPlan.Requests(spec);
        var curves = new TheoryCurveReport[requests.Count];
        for (int i = 0; i < requests.Count; i++)
        {
            TheoryRequest request = requests[i];
            string key = request.Key();
            byKey.Remove(key, out TheoryResult? result);
            curves[i] = Of(key, request, result);
        }

        if (byKey.Count > 0)
        {
            throw new ArgumentException($"Theory result {byKey.Values.First().Request.CanonicalText()} is not a curve of the sweep's spec.", nameof(results));
        }

        return curves;
    }

    private static TheoryCurveReport Of(string key, TheoryRequest r, TheoryResult? result)
    {
        var config = new TheoryCurveConfig(r.Alpha, r.Beta, r.Gamma, r.N, r.B, r.Eta, r.M, r.Steps, r.PointsPerDecade, r.Modes);
        return result switch
        {
            { Status: RunStatus.Completed, Curve: { } c } => new TheoryCurveReport(
                key, config, "completed", c.Solver, c.Steps, c.Loss, c.ModesUsed, c.ModesExact, c.Iterations, c.Residual, c.Seconds, null),
            { Status: RunStatus.Failed } => new TheoryCurveReport(
                key, config, "failed", null, [], [], null, null, null, null, null, result.Error),
            _ => new TheoryCurveReport(key, config, "missing", null, [], [], null, null, null, null, null, null),
        };
    }
}

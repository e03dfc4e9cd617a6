using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Sweeps.Dmft;

/// <summary>
/// Which DMFT curve belongs to which group of a sweep. "matched" gives each group the curve at its own N
/// and B; "infinite" gives every group the N, B = infinity curve of its (alpha, beta, gamma, eta), so
/// groups differing only in N or B share one curve (and one grain).
/// </summary>
public static class DmftCurvePlan
{
    /// <summary>The curve drawn beside <paramref name="group"/>; null when the spec asks for none.</summary>
    public static DmftCurveRequest? For(SweepSpec spec, GroupConfig group)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(group);
        if (spec.Theory is not { } theory)
        {
            return null;
        }

        // On a finite training set the curve is eq. 41's: full-batch gradient descent on the group's P samples
        // (B = P, so the solver's B is infinite), at the group's N or at N = infinity.
        bool infinite = theory.Width == TheoryWidth.Infinite;
        long? n = infinite ? null : group.N;
        long? b = infinite || group.P is not null ? null : group.B;
        bool solverInfinite = n is null && b is null && group.P is null;
        int modes = theory.Modes ?? (solverInfinite ? DmftOptions.DefaultInfiniteModes : DmftOptions.DefaultFiniteModes);
        return new DmftCurveRequest(group.Alpha, group.Beta, group.M, group.Gamma, n, b, group.Eta, group.Steps, spec.PointsPerDecade, modes, group.P)
        {
            Spectrum = spec.Spectrum,
        };
    }

    /// <summary>The sweep's distinct curves, in grid order of the first group that uses each; empty without "theory".</summary>
    public static IReadOnlyList<DmftCurveRequest> Requests(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var requests = new List<DmftCurveRequest>();
        if (spec.Theory is null)
        {
            return requests;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (GroupConfig group in spec.Grid().Groups)
        {
            DmftCurveRequest request = For(spec, group)!;
            if (seen.Add(request.Key()))
            {
                requests.Add(request);
            }
        }

        return requests;
    }
}

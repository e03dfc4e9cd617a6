using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// The rules of the spec field "theory", checked before anything is stored: the DMFT exists for the
/// projected model only, and a theory curve's cost (time and memory of the solver) stays under the
/// cluster's caps, with a message that points to the cheaper "infinite" when "matched" is too dear.
/// </summary>
internal static class TheorySpecRules
{
    public static void Check(SweepSpec spec, TheorySpec theory, SweepLimits limits)
    {
        if (!Enum.IsDefined(theory.Width))
        {
            throw new SweepSpecException(F.TheoryWidth, $"{(int)theory.Width} is not a theory width: {R.Theory}");
        }

        string width = R.Quote(TheorySpec.WidthName(theory.Width));
        if (spec.Model != ModelKind.Projected)
        {
            string which = spec.Model == ModelKind.LinearNetwork ? "the linear network of Appendix G" : "the MLP on the circle of Sec. 5.1";
            throw new SweepSpecException(F.Theory,
                $"{width} is not available for model {R.Quote(ModelKindNames.Name(spec.Model))}: the DMFT theory curves (eq. 26-31, 43-44) are for the "
                + $"projected model of eq. 4, and {which} has none; remove \"theory\" or use model \"projected\".");
        }

        if (spec.HasFiniteData && Array.Exists(spec.B, b => b is not null))
        {
            throw new SweepSpecException(F.Theory,
                $"{width} with a finite P is available for full-batch gradient descent only: the DMFT of eq. 41 has no multi-pass SGD (B < P); "
                + "set B to \"inf\" (the full batch B = P), or remove \"theory\".");
        }

        if (theory.Modes is { } modes && (modes < TheorySpec.MinModes || modes > limits.MaxTheoryModes))
        {
            throw new SweepSpecException(F.TheoryModes, $"{R.Number(modes)} is out of range: {R.TheoryModes(limits)}");
        }

        // One request stands for all: every curve of a sweep has the same T and mode budget, so the same cost.
        DmftCurveRequest first = DmftCurvePlan.Requests(spec)[0];
        int used = Math.Min(first.Modes, spec.M);
        string field = theory.Modes is null ? F.Theory : F.TheoryModes;
        // The data-reuse DMFT solves on the full time grid whatever the width, at the finite solvers' T^3 cost.
        if (theory.Width == TheoryWidth.Matched || spec.HasFiniteData)
        {
            CheckFiniteSteps(spec, limits, width);
        }
        else
        {
            CheckInfiniteSteps(spec, limits, width);
        }

        CheckWithNumerics(spec);
        CheckMemory(spec, limits, width, used, field);
    }

    private static void CheckFiniteSteps(SweepSpec spec, SweepLimits limits, string width)
    {
        if (spec.Steps > limits.MaxFiniteTheorySteps)
        {
            throw new SweepSpecException(F.Theory,
                $"{width} with steps = {R.Number(spec.Steps)} is out of range: a theory curve at finite N, B (eq. 26-31) costs ~ modes T^3, "
                + $"so \"matched\" allows steps from 1 to {limits.MaxFiniteTheorySteps} ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxFiniteTheorySteps)}); "
                + "use \"theory\": \"infinite\" (N, B -> infinity, cost ~ modes T^2), or lower steps.");
        }
    }

    private static void CheckInfiniteSteps(SweepSpec spec, SweepLimits limits, string width)
    {
        if (spec.Steps > limits.MaxInfiniteTheorySteps)
        {
            throw new SweepSpecException(F.Theory,
                $"{width} with steps = {R.Number(spec.Steps)} is out of range: a theory curve at N, B = infinity (eq. 43-44) costs ~ modes T^2, "
                + $"so it allows steps from 1 to {limits.MaxInfiniteTheorySteps} ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxInfiniteTheorySteps)}); "
                + "lower steps or remove \"theory\".");
        }
    }

    /// <summary>
    /// The dearest curve of the plan, as the solver that will compute it estimates its memory
    /// (<see cref="DmftSolver.EstimatedBytes"/>: column-norm nodes at finite N, the time grid at N, B = inf),
    /// stays under the cap.
    /// </summary>
    private static void CheckMemory(SweepSpec spec, SweepLimits limits, string width, int modes, string field)
    {
        (long bytes, DmftCurveRequest dearest) = DmftCurvePlan.Requests(spec)
            .Select(r => (DmftSolver.EstimatedBytes(r.ToSettings(), r.ToOptions(threads: 1)), r))
            .MaxBy(c => c.Item1);
        long cap = dearest.IsInfinite ? limits.MaxTheoryBytes : Math.Min(limits.MaxTheoryBytes, FiniteWidthDmft.MaxBytes);
        if (bytes <= cap)
        {
            return;
        }

        string at = dearest.N is { } n
            ? $" at N = {n} ({DmftOptions.Default.ColumnNormNodesFor(n)} column-norm nodes)"
            : dearest.B is { } b ? $" at B = {b}" : string.Empty;
        string instead = dearest.IsInfinite ? string.Empty : ", or \"theory\": \"infinite\"";
        throw new SweepSpecException(field,
            $"{width} with {modes} modes and steps = {R.Number(spec.Steps)} is out of range: the solver needs about {R.Bytes(bytes)}{at}, "
            + $"above the cap of {R.Bytes(cap)} per theory curve ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxTheoryBytes)}); "
            + $"use fewer modes or steps{instead}.");
    }

    /// <summary>The solver's own check on every curve; the rules above are meant to match it, so this only fires if it tightens.</summary>
    private static void CheckWithNumerics(SweepSpec spec)
    {
        foreach (DmftCurveRequest request in DmftCurvePlan.Requests(spec))
        {
            try
            {
                request.ToSettings().Validate();
            }
            catch (ArgumentException e)
            {
                throw new SweepSpecException(F.Theory, $"the theory curve {request.CanonicalText()} is not solvable: {e.Message}");
            }
        }
    }
}

using ScaleSweep.Grains.Abstractions.Theory;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;
using F = ScaleSweep.Grains.Abstractions.Specs.SweepSpecFields;
using R = ScaleSweep.Grains.Abstractions.Specs.SweepSpecRanges;

namespace ScaleSweep.Grains.Abstractions.Specs;

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
            throw new SweepSpecException(F.Theory,
                $"{width} is not available for model \"linear-network\": the DMFT theory curves (eq. 26-31, 43-44) are for the "
                + "projected model of eq. 4, and the linear network of Appendix G has none; remove \"theory\" or use model \"projected\".");
        }

        if (theory.Modes is { } modes && (modes < TheorySpec.MinModes || modes > limits.MaxTheoryModes))
        {
            throw new SweepSpecException(F.TheoryModes, $"{R.Number(modes)} is out of range: {R.TheoryModes(limits)}");
        }

        // One request stands for all: every curve of a sweep has the same T and mode budget, so the same cost.
        TheoryRequest first = TheoryPlan.Requests(spec)[0];
        int used = Math.Min(first.Modes, spec.M);
        string field = theory.Modes is null ? F.Theory : F.TheoryModes;
        if (theory.Width == TheoryWidth.Matched)
        {
            CheckFinite(spec, limits, width, used, field);
        }
        else
        {
            CheckInfinite(spec, limits, width, used, field);
        }

        CheckWithNumerics(spec);
    }

    private static void CheckFinite(SweepSpec spec, SweepLimits limits, string width, int modes, string field)
    {
        if (spec.Steps > limits.MaxFiniteTheorySteps)
        {
            throw new SweepSpecException(F.Theory,
                $"{width} with steps = {R.Number(spec.Steps)} is out of range: a theory curve at finite N, B (eq. 26-31) costs ~ modes T^3, "
                + $"so \"matched\" allows steps from 1 to {limits.MaxFiniteTheorySteps} ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxFiniteTheorySteps)}); "
                + "use \"theory\": \"infinite\" (N, B -> infinity, cost ~ modes T^2), or lower steps.");
        }

        // The smallest width needs the most column-norm nodes (the Wishart self-term), so it costs the most.
        int nodes = DmftOptions.Default.ColumnNormNodesFor(spec.N.Min());
        long bytes = FiniteWidthDmft.EstimatedBytes(modes, spec.Steps, nodes);
        if (bytes > limits.MaxTheoryBytes || bytes > FiniteWidthDmft.MaxBytes)
        {
            long cap = Math.Min(limits.MaxTheoryBytes, FiniteWidthDmft.MaxBytes);
            throw new SweepSpecException(field,
                $"{width} with {modes} modes and steps = {R.Number(spec.Steps)} is out of range: the finite-width solver needs about {R.Bytes(bytes)} at N = {spec.N.Min()} ({nodes} column-norm nodes), "
                + $"above the cap of {R.Bytes(cap)} per theory curve ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxTheoryBytes)}); "
                + "use fewer modes or steps, or \"theory\": \"infinite\".");
        }
    }

    private static void CheckInfinite(SweepSpec spec, SweepLimits limits, string width, int modes, string field)
    {
        if (spec.Steps > limits.MaxInfiniteTheorySteps)
        {
            throw new SweepSpecException(F.Theory,
                $"{width} with steps = {R.Number(spec.Steps)} is out of range: a theory curve at N, B = infinity (eq. 43-44) costs ~ modes T^2, "
                + $"so it allows steps from 1 to {limits.MaxInfiniteTheorySteps} ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxInfiniteTheorySteps)}); "
                + "lower steps or remove \"theory\".");
        }

        // Two histories (v0 and vw) of modes x (T + 1) doubles.
        long bytes = 16L * modes * (spec.Steps + 1);
        if (bytes > limits.MaxTheoryBytes)
        {
            throw new SweepSpecException(field,
                $"{width} with {modes} modes and steps = {R.Number(spec.Steps)} is out of range: the solver needs about {R.Bytes(bytes)}, "
                + $"above the cap of {R.Bytes(limits.MaxTheoryBytes)} per theory curve ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxTheoryBytes)}); "
                + "use fewer modes or steps.");
        }
    }

    /// <summary>The solver's own check on every curve; the rules above are meant to match it, so this only fires if it tightens.</summary>
    private static void CheckWithNumerics(SweepSpec spec)
    {
        foreach (TheoryRequest request in TheoryPlan.Requests(spec))
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

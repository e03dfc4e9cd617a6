using System.Globalization;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// A sweep's request for DMFT theory curves (the spec field "theory"), drawn beside the simulated means.
/// </summary>
/// <param name="Width">At the groups' own N and B, or at N, B = infinity.</param>
/// <param name="Modes">Mode budget of the solver; null takes the solver's default (256 for N, B = inf, 48 otherwise).</param>
[GenerateSerializer, Immutable]
public sealed record TheorySpec(
    [property: Id(0)] TheoryWidth Width,
    [property: Id(1)] int? Modes = null)
{
    /// <summary>Smallest mode budget the solvers accept.</summary>
    public const int MinModes = 16;

    /// <summary>The text the sweep id hashes, e.g. "theory=matched,modes=default".</summary>
    public string CanonicalText() =>
        $"theory={WidthName(Width)},modes={(Modes is { } m ? m.ToString(CultureInfo.InvariantCulture) : "default")}";

    /// <summary>The spec's word for a width: "matched" or "infinite".</summary>
    public static string WidthName(TheoryWidth width) => width == TheoryWidth.Infinite ? "infinite" : "matched";
}

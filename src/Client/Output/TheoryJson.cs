using ScaleSweep.Client.Commands;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Output;

/// <summary>
/// The one JSON object `scalesweep theory --json` prints. Phase is "hard", "easy" or "super-easy";
/// every exponent is a positive decay rate. modelBottleneckExponent is the paper's alpha min(2, beta) (eq. 12);
/// modelFloorCorrectedExponent is alpha min(1, beta), which the exact floor and the simulations follow
/// (they differ for beta &gt; 1).
/// </summary>
internal sealed record TheoryJson(
    double Alpha,
    double Beta,
    TaskPhase Phase,
    TheoryJson.LazyRich Chi,
    IReadOnlyList<double> Levels,
    double ModelBottleneckExponent,
    double ModelFloorCorrectedExponent,
    TheoryJson.LazyRich ComputeOptimal)
{
    internal sealed record LazyRich(double Lazy, double Rich);

    public static TheoryJson From(TheoryResult result) => new(
        result.Alpha,
        result.Beta,
        result.Phase,
        new LazyRich(result.ChiLazy, result.ChiRich),
        result.Levels,
        result.ModelBottleneckExponent,
        result.ModelFloorCorrectedExponent,
        new LazyRich(result.ComputeOptimalLazy, result.ComputeOptimalRich));
}

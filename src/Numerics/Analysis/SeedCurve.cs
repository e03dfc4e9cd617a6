namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// One seed's loss curve as recorded on the log-spaced step grid.
/// </summary>
/// <remarks>
/// The lists are taken as they are (no copy): callers hand over arrays they no longer mutate.
/// Record equality compares the list references, not their contents.
/// </remarks>
/// <param name="Steps">Recorded steps, strictly ascending (the recorder starts at 0).</param>
/// <param name="Loss">Loss at each recorded step, same length as <paramref name="Steps"/>.</param>
/// <param name="Diverged">
/// True when the run blew up. Such a curve is left out of every mean and fit but still counted,
/// so a report can say "3 of 32 seeds diverged" instead of silently averaging fewer seeds.
/// Its steps and losses are not inspected, because a blown-up run may have stopped early or
/// recorded non-finite values.
/// </param>
public sealed record SeedCurve(IReadOnlyList<long> Steps, IReadOnlyList<double> Loss, bool Diverged = false);

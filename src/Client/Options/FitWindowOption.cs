using System.CommandLine;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Client.Options;

/// <summary>The step window "T0:T1" of the power-law fit, both ends inclusive.</summary>
internal static class FitWindowOption
{
    public const string Range = "expected T0:T1, two integers with 0 <= T0 < T1 (steps, both included).";

    public static Option<(long T0, long T1)?> CreateOption(string name, string description)
    {
        return OptionFactory.WithRange(new Option<(long T0, long T1)?>(name)
        {
            Description = description,
            HelpName = "T0:T1",
            CustomParser = result => WindowParser.Parse(result, name, 0, long.MaxValue, "an empty window", Range),
        }, Range);
    }

    /// <summary>
    /// Checks, before anything runs, that the window holds at least two of the steps a run of
    /// <paramref name="steps"/> steps records, so a fit over it is possible.
    /// </summary>
    public static void RequireFittable(string name, (long T0, long T1) window, long steps, int pointsPerDecade)
    {
        long[] grid = LogGrid.Steps(steps, pointsPerDecade);
        long from = Math.Max(1, window.T0);
        int inside = grid.Count(t => t >= from && t <= window.T1);
        if (inside < 2)
        {
            throw new UsageException(
                $"{name}: the window {window.T0}:{window.T1} holds {inside} of the steps a run of {steps} steps records "
                + $"({pointsPerDecade} per decade); a fit needs at least 2, so choose T0:T1 with T1 <= {steps}.");
        }
    }
}

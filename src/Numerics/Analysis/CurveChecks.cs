namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Input checks shared by the analysis functions, so every entry point words its errors alike.
/// </summary>
internal static class CurveChecks
{
    /// <summary>Throws unless the steps are strictly ascending and match the losses in length.</summary>
    internal static void RequireCurve(IReadOnlyList<long> steps, IReadOnlyList<double> loss, string what)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(loss);
        if (steps.Count != loss.Count)
        {
            throw new ArgumentException($"{what} has {steps.Count} steps but {loss.Count} loss values.");
        }

        for (int i = 1; i < steps.Count; i++)
        {
            if (steps[i] <= steps[i - 1])
            {
                throw new ArgumentException(
                    $"{what}: steps must be strictly ascending, but step {steps[i]} at index {i} follows {steps[i - 1]}.");
            }
        }
    }

    /// <summary>Throws unless the window is ordered; clamps its start to t = 1 because log t is needed.</summary>
    internal static (long T0, long T1) ClampWindow((long T0, long T1) window)
    {
        if (window.T1 < window.T0)
        {
            throw new ArgumentException($"Window [{window.T0}, {window.T1}] is empty: its end precedes its start.");
        }

        return (Math.Max(1, window.T0), window.T1);
    }

    /// <summary>
    /// Index range of the recorded steps inside [t0, t1], found by scanning because the step lists
    /// are short (tens to a few hundred entries) and typed as read-only lists.
    /// </summary>
    internal static (int First, int Count) WindowRange(IReadOnlyList<long> steps, (long T0, long T1) window)
    {
        int first = 0;
        while (first < steps.Count && steps[first] < window.T0)
        {
            first++;
        }

        int end = first;
        while (end < steps.Count && steps[end] <= window.T1)
        {
            end++;
        }

        return (first, end - first);
    }

    /// <summary>Log of a loss that must be positive and finite, naming the step when it is not.</summary>
    internal static double LogLoss(double loss, long step, string what)
    {
        if (!(loss > 0) || double.IsPositiveInfinity(loss))
        {
            throw new ArgumentException(
                $"{what}: loss at step {step} is {loss}; a log-log fit needs positive, finite losses.");
        }

        return Math.Log(loss);
    }
}

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>The warning a sweep's status carries while it or its runs cannot reach storage.</summary>
public static class SweepWarning
{
    /// <summary>
    /// The warning for a coordinator whose last tick failed with <paramref name="tickError"/> (null when it
    /// did not) and whose last poll found <paramref name="runsWithoutStorage"/> runs unable to store; null when all is well.
    /// </summary>
    public static string? Of(string? tickError, int runsWithoutStorage) => (tickError, runsWithoutStorage) switch
    {
        (null, 0) => null,
        (null, int n) => $"{n} running runs cannot reach storage; they keep their results in memory and retry",
        (string e, _) => $"the sweep cannot reach storage or its runs ({e}); retrying",
    };
}

namespace ScaleSweep.Numerics.Theory;

/// <summary>Outcome of <see cref="SelfConsistentChi.Solve"/>.</summary>
/// <param name="Chi">The self-consistent time exponent: L(t) ~ t^-Chi over the window.</param>
/// <param name="Iterations">Steffensen iterations used (each costs two slope evaluations, plus one to start).</param>
/// <param name="Residual">|slope(Chi) - Chi| at the returned exponent.</param>
/// <param name="T0">Start of the time window.</param>
/// <param name="T1">End of the time window at the returned exponent.</param>
public readonly record struct SelfConsistentChiResult(
    double Chi,
    int Iterations,
    double Residual,
    double T0,
    double T1);

namespace ScaleSweep.Numerics.Theory;

/// <summary>
/// Window and iteration settings of <see cref="SelfConsistentChi.Solve"/>. Each setter checks its value and
/// throws <see cref="ArgumentOutOfRangeException"/> naming the property and its range.
/// </summary>
public sealed record SelfConsistentChiOptions
{
    private readonly double? _t0;
    private readonly double? _t1;
    private readonly double _edgeFraction = 0.01;
    private readonly int _points = 33;
    private readonly double _tolerance = 1e-9;
    private readonly int _maxIterations = 50;

    /// <summary>Settings used when none are given.</summary>
    public static SelfConsistentChiOptions Default { get; } = new();

    /// <summary>
    /// Start of the time window; null (default) means 10 / lambda_max, about ten e-foldings of the top mode,
    /// so the discreteness of the first modes no longer shapes the curve.
    /// </summary>
    public double? T0
    {
        get => _t0;
        init => _t0 = Positive(value, nameof(T0));
    }

    /// <summary>
    /// End of the time window; null (default) means the largest t whose effective time
    /// tau(t) = t + gamma t^(2 - chi) reaches <see cref="EdgeFraction"/> / lambda_min at the current chi,
    /// capped at 10^12 T0.
    /// </summary>
    public double? T1
    {
        get => _t1;
        init => _t1 = Positive(value, nameof(T1));
    }

    /// <summary>
    /// lambda_min tau at the end of the default window, in (0, 1]; default 0.01. Smaller values cut the
    /// finite-M tail bias but shorten the window, which raises the early-time bias.
    /// </summary>
    public double EdgeFraction
    {
        get => _edgeFraction;
        init
        {
            if (!(value > 0.0 && value <= 1.0))
            {
                throw TheoryArguments.OutOfRange(value, nameof(EdgeFraction), "a finite number in (0, 1]");
            }

            _edgeFraction = value;
        }
    }

    /// <summary>Number of log-spaced times in the least-squares slope, in [3, 10000]; default 33.</summary>
    public int Points
    {
        get => _points;
        init
        {
            TheoryArguments.IntegerInRange(value, 3, 10_000, nameof(Points));
            _points = value;
        }
    }

    /// <summary>Convergence threshold on |slope(chi) - chi|, finite and &gt; 0; default 1e-9.</summary>
    public double Tolerance
    {
        get => _tolerance;
        init
        {
            TheoryArguments.FiniteAbove(value, 0.0, nameof(Tolerance));
            _tolerance = value;
        }
    }

    /// <summary>Most Steffensen iterations before giving up, in [1, 10000]; default 50.</summary>
    public int MaxIterations
    {
        get => _maxIterations;
        init
        {
            TheoryArguments.IntegerInRange(value, 1, 10_000, nameof(MaxIterations));
            _maxIterations = value;
        }
    }

    private static double? Positive(double? value, string name)
    {
        if (value is double v)
        {
            TheoryArguments.FiniteAbove(v, 0.0, name);
        }

        return value;
    }
}

namespace ScaleSweep.Client.Options;

/// <summary>
/// The value of an option that takes an integer &gt;= 1 or "inf" (B, and N of the theory's curves).
/// Infinity is a value of its own, not null: System.CommandLine 2.0 does not keep a custom parser's
/// null as the option's value (GetValue then failed with an InvalidCastException on "--B inf").
/// </summary>
/// <param name="Finite">The integer, or null for infinity (so <c>default</c> is infinity).</param>
internal readonly record struct IntegerOrInfinity(long? Finite)
{
    public static IntegerOrInfinity Infinity => default;

    public bool IsInfinite => Finite is null;

    /// <summary>The value as the solvers take it: the integer, or +infinity.</summary>
    public double ToDouble() => Finite is { } value ? value : double.PositiveInfinity;

    /// <summary>"inf" or the integer, as the user typed it.</summary>
    public override string ToString() => BatchSize.Format(Finite);
}
